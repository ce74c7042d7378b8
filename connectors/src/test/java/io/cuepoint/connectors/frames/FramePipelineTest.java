package io.cuepoint.connectors.frames;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.schemas.records.Segment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The frame path on a local Flink, as the job runs it: segments fetched from a loopback HLS
 * server, decoded on the decoders' own threads, failures to dead letters, near-duplicates skipped.
 */
class FramePipelineTest {
  static final long START = 1_780_000_000_000L;

  @Test
  void everySegmentIsFetchedOnceAndEverySceneChangeIsAnalysedWhileRepeatsAreSkipped() throws Exception {
    SyntheticVideo video = new SyntheticVideo(320, 180, 5, 36_000L, new long[] {9_300L, 25_100L}, 11L);
    HlsStream stream = HlsStream.encode(video, 6_000L);
    try (HlsServer server = new HlsServer(stream)) {
      server.serve("damaged.ts", "not a transport stream".getBytes(StandardCharsets.UTF_8));
      List<Segment> segments = new ArrayList<>(stream.segmentRecords("m1", server.baseUrl(), START));
      Segment missing = FrameExtractorTest.copy(segments.get(0));
      missing.segmentUrl = server.baseUrl() + "seg-404.ts";
      missing.sequence = 100L;
      Segment damaged = FrameExtractorTest.copy(segments.get(1));
      damaged.segmentUrl = server.baseUrl() + "damaged.ts";
      damaged.sequence = 101L;
      segments.add(3, missing);
      segments.add(6, damaged);

      List<String> out = run(segments);

      List<Long> analysed = positions(out, "analysed ");
      List<Long> skipped = positions(out, "skipped ");
      for (int i = 0; i < stream.segments.size(); i++) {
        assertThat(server.requestsFor("seg-" + i + ".ts")).as("requests for segment %d", i).isEqualTo(1);
      }
      TreeSet<Long> sceneStarts = new TreeSet<>();
      sceneStarts.add(0L);
      for (long change : video.sceneChangesMs) {
        sceneStarts.add((change + 3_999) / 4_000 * 4_000);
      }
      assertThat(analysed).containsAll(sceneStarts);
      TreeSet<Long> sampled = new TreeSet<>(analysed);
      sampled.addAll(skipped);
      assertThat(sampled).hasSize(analysed.size() + skipped.size()).hasSize(9);
      assertThat(skipped).isNotEmpty();
      for (String s : out) {
        if (s.startsWith("skipped ")) {
          String[] words = s.split(" ");
          long position = Long.parseLong(words[1]);
          long from = Long.parseLong(words[3]);
          assertThat(analysed).contains(from);
          assertThat(video.sceneAt(from)).as(s).isEqualTo(video.sceneAt(position));
        }
      }
      assertThat(out).filteredOn(s -> s.startsWith("dead-letter "))
          .hasSize(2)
          .anyMatch(s -> s.contains("seg-404.ts") && s.contains("HTTP 404"))
          .anyMatch(s -> s.contains("damaged.ts") && s.contains("cannot decode segment"));
    }
  }

  static List<String> run(List<Segment> segments) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.getConfig().getSerializerConfig().setGenericTypes(false);
    FrameSettings settings = new FrameSettings();
    DataStream<Segment> input =
        env.fromData(TypeInformation.of(Segment.class), segments.toArray(new Segment[0]))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Segment>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                    .withTimestampAssigner((s, t) -> s.eventTime));
    SingleOutputStreamOperator<VideoFrame> frames =
        AsyncDataStream.unorderedWait(
                input,
                new SegmentFrameDecoder(settings, LoopbackFetcher.factory()),
                60,
                TimeUnit.SECONDS,
                4)
            .uid("frames-decode")
            .name("Decode segments")
            .process(new FrameOutcomes())
            .uid("frames-outcomes")
            .name("Frames and failed segments");
    SingleOutputStreamOperator<VideoFrame> toAnalyse =
        frames.keyBy(f -> f.mediaId).process(new NearDuplicateFilter(settings)).uid("frames-near-duplicates");
    DataStream<String> all =
        toAnalyse
            .map(f -> "analysed " + f.positionMs)
            .returns(Types.STRING)
            .union(
                toAnalyse.getSideOutput(NearDuplicateFilter.SKIPPED)
                    .map(f -> "skipped " + f.positionMs + " from " + f.inheritsFromMs)
                    .returns(Types.STRING),
                frames.getSideOutput(DeadLetterTag.DEAD_LETTERS)
                    .map(d -> "dead-letter " + d.input + " " + d.error + " " + d.raw)
                    .returns(Types.STRING));
    List<String> out = new ArrayList<>();
    try (CloseableIterator<String> it = all.executeAndCollect("frames")) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  static List<Long> positions(List<String> out, String prefix) {
    List<Long> positions = new ArrayList<>();
    for (String s : out) {
      if (s.startsWith(prefix)) {
        positions.add(Long.parseLong(s.substring(prefix.length()).split(" ")[0]));
      }
    }
    positions.sort(null);
    return positions;
  }
}
