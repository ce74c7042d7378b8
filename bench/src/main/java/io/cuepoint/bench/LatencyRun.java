package io.cuepoint.bench;

import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.topology.CuepointTopology;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Drives the full job at a fixed rate with records stamped with the wall clock as they are made,
 * and measures how long events of interest take to leave the job after their triggering match
 * event was injected.
 */
final class LatencyRun {
  static final int MEDIA = 1_000;
  private static final long WARM_UP_MS = 3_000;

  final int rate;
  final long millis;
  final long[] latencies;

  private LatencyRun(int rate, long millis, long[] latencies) {
    this.rate = rate;
    this.millis = millis;
    this.latencies = latencies;
  }

  long percentile(double p) {
    if (latencies.length == 0) {
      return -1;
    }
    return latencies[Math.min(latencies.length - 1, (int) Math.ceil(p / 100.0 * latencies.length) - 1)];
  }

  static LatencyRun measure(int eventsPerSecond, long durationMs) throws Exception {
    String run = UUID.randomUUID().toString();
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(JobRunner.PARALLELISM, JobRunner.flinkConfiguration("5ms"));
    Map<StreamName, DataStream<String>> inputs = new EnumMap<>(StreamName.class);
    inputs.put(StreamName.DETECTIONS, live(env, StreamName.DETECTIONS, eventsPerSecond * 0.60, LatencyRun::detection));
    inputs.put(StreamName.MATCH_EVENTS, live(env, StreamName.MATCH_EVENTS, eventsPerSecond * 0.05, LatencyRun::matchEvent));
    inputs.put(StreamName.VIEWER_EVENTS, live(env, StreamName.VIEWER_EVENTS, eventsPerSecond * 0.35, LatencyRun::viewerEvent));
    // Live feeds arrive in order: no out-of-orderness allowance, which would add itself to the latency.
    CuepointConfig config =
        SampleSetup.config(Map.of("Watermarks.out-of-orderness", "0"));
    CuepointTopology.build(
        env,
        inputs,
        (stream, json) -> {
          if (stream == StreamName.EVENTS_OF_INTEREST) {
            json.sinkTo(new LatencySink(run)).uid("latency-" + stream.id());
          } else {
            json.sinkTo(new DiscardingSink<>()).uid("discard-" + stream.id());
          }
        },
        config);
    JobClient job = env.executeAsync("latency at " + eventsPerSecond + "/s");
    Thread.sleep(durationMs);
    job.cancel().get();
    List<Long> kept = new ArrayList<>();
    long first = Long.MAX_VALUE;
    for (long[] sample : LatencySink.samples(run)) {
      first = Math.min(first, sample[0]);
    }
    long cutoff = first + WARM_UP_MS;
    for (long[] sample : LatencySink.samples(run)) {
      if (sample[0] >= cutoff) {
        kept.add(sample[1]);
      }
    }
    LatencySink.clear(run);
    long[] sorted = kept.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new LatencyRun(eventsPerSecond, durationMs, sorted);
  }

  private interface Make extends java.io.Serializable {
    String json(long index, long now);
  }

  private static DataStream<String> live(StreamExecutionEnvironment env, StreamName stream, double perSecond, Make make) {
    GeneratorFunction<Long, String> generate = index -> make.json(index, System.currentTimeMillis());
    return env.fromSource(
            new DataGeneratorSource<>(
                generate, Long.MAX_VALUE, RateLimiterStrategy.perSecond(perSecond), Types.STRING),
            WatermarkStrategy.noWatermarks(),
            "live " + stream.id())
        .uid("source-" + stream.id());
  }

  private static String detection(long index, long now) {
    SplittableRandom rnd = new SplittableRandom(index);
    return RecordCodec.encode(BenchInput.detection(rnd, "media-" + rnd.nextInt(MEDIA), now));
  }

  private static String matchEvent(long index, long now) {
    SplittableRandom rnd = new SplittableRandom(index);
    MatchEvent e = new MatchEvent();
    e.mediaId = "media-" + rnd.nextInt(MEDIA);
    e.eventId = "ev-" + index;
    e.eventTime = now;
    e.matchMinute = 50;
    // Every fourth match event is a red card: each one is an event of interest to time.
    e.type = index % 4 == 0 ? MatchEventType.RED_CARD : MatchEventType.SOCIAL_POST;
    return RecordCodec.encode(e);
  }

  private static String viewerEvent(long index, long now) {
    SplittableRandom rnd = new SplittableRandom(index);
    return RecordCodec.encode(BenchInput.viewerEvent(rnd, "media-" + rnd.nextInt(MEDIA), (int) index, now));
  }
}
