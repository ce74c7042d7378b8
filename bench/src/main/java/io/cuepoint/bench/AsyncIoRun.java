package io.cuepoint.bench;

import com.sun.management.OperatingSystemMXBean;
import io.cuepoint.connectors.ivs.IvsClientBuilder;
import io.cuepoint.connectors.ivs.IvsClientFactory;
import io.cuepoint.connectors.ivs.IvsSettings;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.OverlayConfig;
import io.cuepoint.jobs.topology.CuepointTopology;
import io.cuepoint.jobs.topology.OverlayTopology;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The job's two async AWS operators against {@link SlowAwsServer}, through their real SDK async
 * clients: Personalize ranking as the job wires it (viewer joins → viewer context → ranking) and
 * the IVS sender on channel-keyed overlay decisions. The input is offered faster than the target;
 * backpressure slows the sources to what the operators sustain. Every input must come out with an
 * outcome: a Personalize or local decision, an overlay status.
 */
final class AsyncIoRun {
  static final String CAMPAIGN = "arn:aws:personalize:us-east-1:123456789012:campaign/bench";
  static final int MEDIA = 1_000;
  /** Many channels, so the per-channel limit of 5 calls/s is far above each channel's load. */
  static final int CHANNELS = 8_000;
  private static final int WARM_UP_SECONDS = 2;
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  final String name;
  final OutcomeTally tally;
  final long calls;
  final long throttled;
  final double seconds;
  final double sustainedCallsPerSecond;
  /** CPU the whole process used (job, SDK clients, server) for the run. */
  final double cpuSeconds;
  /** The part of it the server's threads used. */
  final double serverCpuSeconds;

  private AsyncIoRun(
      String name,
      OutcomeTally tally,
      long calls,
      long throttled,
      double seconds,
      double sustained,
      double cpuSeconds,
      double serverCpuSeconds) {
    this.name = name;
    this.tally = tally;
    this.calls = calls;
    this.throttled = throttled;
    this.seconds = seconds;
    this.sustainedCallsPerSecond = sustained;
    this.cpuSeconds = cpuSeconds;
    this.serverCpuSeconds = serverCpuSeconds;
  }

  /** CPU milliseconds per call: what the rate would be on idle cores, whatever else the machine runs. */
  double cpuMillisPerCall() {
    return calls == 0 ? 0 : cpuSeconds * 1000 / calls;
  }

  /** The server's part of {@link #cpuMillisPerCall()}. */
  double serverCpuMillisPerCall() {
    return calls == 0 ? 0 : serverCpuSeconds * 1000 / calls;
  }

  /** Viewer joins at {@code offeredPerSecond} for {@code seconds}, each one ranked by Personalize. */
  static AsyncIoRun personalize(SlowAwsServer server, int throttleEvery, int offeredPerSecond, int seconds)
      throws Exception {
    String run = UUID.randomUUID().toString();
    long joins = (long) offeredPerSecond * seconds;
    OutcomeTally tally = new OutcomeTally(joins);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(JobRunner.PARALLELISM, JobRunner.flinkConfiguration("10ms"));
    Map<StreamName, DataStream<String>> inputs = new EnumMap<>(StreamName.class);
    GeneratorFunction<Long, String> join = AsyncIoRun::join;
    inputs.put(
        StreamName.VIEWER_EVENTS,
        env.fromSource(
                new DataGeneratorSource<>(join, joins, RateLimiterStrategy.perSecond(offeredPerSecond), Types.STRING),
                WatermarkStrategy.noWatermarks(),
                "viewer joins")
            .uid("source-" + StreamName.VIEWER_EVENTS.id()));
    // The other inputs hold one record and end: their end of input lets event time follow the joins.
    SplittableRandom rnd = new SplittableRandom(1);
    inputs.put(
        StreamName.DETECTIONS,
        env.fromData(RecordCodec.encode(BenchInput.detection(rnd, "media-0", BenchInput.START)))
            .uid("source-" + StreamName.DETECTIONS.id()));
    inputs.put(
        StreamName.MATCH_EVENTS,
        env.fromData(RecordCodec.encode(BenchInput.matchEvent(rnd, 0, new int[1][2], 0, BenchInput.START, 1)))
            .uid("source-" + StreamName.MATCH_EVENTS.id()));
    Map<String, String> settings =
        Map.of(
            "Watermarks.out-of-orderness", "0",
            "Viewers.widgets", samples().resolve("widgets.json").toString(),
            "Personalize.widget-campaign-arn", CAMPAIGN,
            "Personalize.endpoint", server.endpoint(),
            // The call budget far above the load, and no cache: every decision is a call.
            "Personalize.calls-per-second", "100000",
            "Personalize.cache-ttl", "0",
            // Calls in flight = rate x time per call (Little's law): 9,000 calls/s that take the
            // server's 50 ms plus the client's few ms are over 500 across the two subtasks, and
            // 256 per subtask capped the run at 8,800 calls/s. 512 leaves room above the target.
            "Personalize.calls-in-flight", "512");
    CuepointTopology.build(
        env,
        inputs,
        (stream, json) -> {
          if (stream == StreamName.VIEWER_ACTIONS) {
            json.sinkTo(new OutcomeSink(run, tally, "id", "decidedBy")).uid("tally-" + stream.id());
          } else {
            json.sinkTo(new DiscardingSink<>()).uid("discard-" + stream.id());
          }
        },
        CuepointConfig.of(Collections.emptyMap(), settings));
    return execute(env, run, "Personalize ranking", server, throttleEvery, tally);
  }

  /** Overlay decisions at {@code offeredPerSecond} for {@code seconds} over many channels, put on IVS. */
  static AsyncIoRun ivs(SlowAwsServer server, int throttleEvery, int offeredPerSecond, int seconds)
      throws Exception {
    String run = UUID.randomUUID().toString();
    long decisions = (long) offeredPerSecond * seconds;
    OutcomeTally tally = new OutcomeTally(decisions);
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.createLocalEnvironment(JobRunner.PARALLELISM, JobRunner.flinkConfiguration("10ms"));
    GeneratorFunction<Long, Overlay> decision = AsyncIoRun::overlay;
    DataStream<Overlay> scheduled =
        env.fromSource(
                new DataGeneratorSource<>(
                    decision, decisions, RateLimiterStrategy.perSecond(offeredPerSecond), TypeInformation.of(Overlay.class)),
                // In event time, as the job's scheduler output is: watermarks reach the sender's side.
                WatermarkStrategy.<Overlay>forMonotonousTimestamps()
                    .withTimestampAssigner((o, previous) -> o.eventTime),
                "overlay decisions")
            .uid("source-overlay-decisions")
            .keyBy(o -> o.channelArn, Types.STRING)
            .process(new ByChannel())
            .uid("decisions-by-channel")
            .name("decisions by channel");
    IvsSettings ivs =
        OverlayConfig.of(
                CuepointConfig.of(
                    Collections.emptyMap(),
                    Map.of(
                        "Overlays.ivs.enabled", "true",
                        "Overlays.ivs.endpoint", server.endpoint(),
                        "Overlays.ivs.region", "us-east-1",
                        // The account limit far above the load; the channel limit stays at IVS's 5/s.
                        "Overlays.ivs.account-calls-per-second", "100000")))
            .ivs;
    IvsClientFactory clients =
        (region, s) ->
            IvsClientBuilder.build(region, s, StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
    OverlayTopology.send(scheduled, ivs, clients)
        .map(RecordCodec::encode, Types.STRING)
        .uid("overlays-json")
        .sinkTo(new OutcomeSink(run, tally, "overlayId", "status"))
        .uid("tally-overlays");
    return execute(env, run, "IVS PutMetadata", server, throttleEvery, tally);
  }

  private static AsyncIoRun execute(
      StreamExecutionEnvironment env, String run, String name, SlowAwsServer server, int throttleEvery, OutcomeTally tally)
      throws Exception {
    server.reset(throttleEvery);
    long cpuBefore = OS.getProcessCpuTime();
    long serverCpuBefore = server.cpuNanos();
    long started = System.nanoTime();
    try {
      env.execute(name);
    } finally {
      OutcomeSink.clear(run);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new AsyncIoRun(
        name, tally, server.calls(), server.throttled(), seconds, sustained(server.callsBySecond((int) seconds + 1)),
        (OS.getProcessCpuTime() - cpuBefore) / 1e9, (server.cpuNanos() - serverCpuBefore) / 1e9);
  }

  /** Mean calls per second over the whole seconds after the warm-up, the last partial one left out. */
  static double sustained(long[] bySecond) {
    int last = bySecond.length - 1;
    while (last > 0 && bySecond[last] == 0) {
      last--;
    }
    long sum = 0;
    int n = 0;
    for (int s = WARM_UP_SECONDS; s < last; s++) {
      sum += bySecond[s];
      n++;
    }
    return n == 0 ? 0 : (double) sum / n;
  }

  private static String join(long index) {
    ViewerEvent v = new ViewerEvent();
    v.viewerId = "viewer-" + index;
    v.mediaId = "media-" + index % MEDIA;
    v.eventTime = System.currentTimeMillis();
    v.positionMs = 0L;
    v.type = ViewerEventType.JOIN;
    v.profile = StringMap.of("age", "30", "country", "GB", "favouriteTeam", "HOME");
    return RecordCodec.encode(v);
  }

  private static Overlay overlay(long index) {
    Overlay o = new Overlay();
    o.overlayId = "ov-" + index;
    o.channelArn = "arn:aws:ivs:us-east-1:123456789012:channel/bench" + index % CHANNELS;
    o.mediaId = "media-" + index % MEDIA;
    o.action = OverlayAction.SHOW;
    o.productId = "prod-" + index % 200;
    o.payload = "{\"overlayId\":\"ov-" + index + "\",\"action\":\"SHOW\",\"productId\":\"prod-" + index % 200 + "\"}";
    o.eventTime = System.currentTimeMillis();
    return o;
  }

  /** The samples directory, from the bench module or the repository root. */
  static Path samples() {
    for (Path p : new Path[] {Path.of("samples/soccer-final"), Path.of("../samples/soccer-final")}) {
      if (Files.isDirectory(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("samples/soccer-final not found from " + Path.of("").toAbsolutePath());
  }

  /** Stands in for the channel-keyed scheduler: the sender must follow a keyBy on the channel. */
  private static final class ByChannel extends KeyedProcessFunction<String, Overlay, Overlay> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Overlay o, Context ctx, Collector<Overlay> out) {
      out.collect(o);
    }
  }
}
