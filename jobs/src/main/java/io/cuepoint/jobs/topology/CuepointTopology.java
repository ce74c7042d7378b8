package io.cuepoint.jobs.topology;

import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.operators.io.BoundedOutOfOrdernessWatermarks;
import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.operators.io.DropLateRecords;
import io.cuepoint.operators.io.EncodeOutput;
import io.cuepoint.operators.io.ParseRecords;
import io.cuepoint.operators.match.EventsOfInterestFunction;
import io.cuepoint.operators.match.EventsOfInterestOnly;
import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.operators.serialization.RecordTypes;
import io.cuepoint.operators.timeline.MediaTimelineFunction;
import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.InputDecoder;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.ViewerEvent;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The Cuepoint job graph, independent of where records come from and go to: raw JSON input
 * streams in, JSON output streams out. Replays and live runs build the same graph, so a replay
 * shows exactly what the live job did. Every operator has a stable uid (savepoints survive
 * upgrades) and a readable name.
 */
public final class CuepointTopology {
  private final StreamExecutionEnvironment env;
  private final CuepointConfig config;
  private final List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();

  private CuepointTopology(StreamExecutionEnvironment env, CuepointConfig config) {
    this.env = env;
    this.config = config;
  }

  /**
   * Builds the job.
   *
   * @param inputs raw records (one JSON object each) per input stream; a stream may be absent
   * @param outputs where each output stream is written
   */
  public static void build(
      StreamExecutionEnvironment env,
      Map<StreamName, DataStream<String>> inputs,
      OutputSinks outputs,
      CuepointConfig config) {
    new CuepointTopology(env, config).wire(inputs, outputs);
  }

  private void wire(Map<StreamName, DataStream<String>> inputs, OutputSinks outputs) {
    Configuration pipeline = new Configuration();
    // Every record type is a POJO; refusing Kryo makes a slow fallback fail loudly instead.
    pipeline.set(PipelineOptions.GENERIC_TYPES, false);
    // No chained operator keeps or changes a record it is handed (async operators copy their
    // input themselves), so chained operators may share records instead of deep-copying each one.
    pipeline.set(PipelineOptions.OBJECT_REUSE, true);
    pipeline.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, config.get(Settings.WATERMARK_INTERVAL));
    env.configure(pipeline);

    DataStream<Detection> detections =
        ingest(inputs, StreamName.DETECTIONS, Detection.class, d -> d.eventTime);
    DataStream<MatchEvent> matchEvents =
        ingest(inputs, StreamName.MATCH_EVENTS, MatchEvent.class, e -> e.eventTime);
    DataStream<Segment> segments =
        ingest(inputs, StreamName.SEGMENTS, Segment.class, s -> s.eventTime);
    DataStream<ViewerEvent> viewerEvents =
        ingest(inputs, StreamName.VIEWER_EVENTS, ViewerEvent.class, v -> v.eventTime);
    DataStream<Detection> fromVideo = VideoTopology.detections(segments, config, deadLetters);
    if (fromVideo != null) {
      detections = detections.union(fromVideo);
    }

    SingleOutputStreamOperator<MatchUpdate> matchUpdates =
        matchEvents
            .keyBy(e -> e.mediaId, Types.STRING)
            .process(
                new EventsOfInterestFunction(config.eventsOfInterest()),
                RecordTypes.of(MatchUpdate.class))
            .uid("events-of-interest")
            .name("events of interest");
    deadLetters.add(matchUpdates.getSideOutput(DeadLetterTag.DEAD_LETTERS));

    DataStream<EventOfInterest> eventsOfInterest =
        matchUpdates
            .flatMap(new EventsOfInterestOnly())
            .uid("events-of-interest-only")
            .name("events of interest only");

    SingleOutputStreamOperator<MediaContext> mediaContext =
        detections
            .keyBy(d -> d.mediaId, Types.STRING)
            .connect(matchUpdates.keyBy(u -> u.mediaId, Types.STRING))
            .process(new MediaTimelineFunction(config.timeline()))
            .uid("media-timeline")
            .name("media timeline");
    deadLetters.add(mediaContext.getSideOutput(DeadLetterTag.DEAD_LETTERS));

    write(outputs, StreamName.MEDIA_CONTEXT, mediaContext);
    write(outputs, StreamName.EVENTS_OF_INTEREST, eventsOfInterest);
    write(
        outputs,
        StreamName.VIEWER_ACTIONS,
        ViewerTopology.wire(viewerEvents, matchUpdates, mediaContext, config, deadLetters));
    write(
        outputs,
        StreamName.OVERLAYS,
        OverlayTopology.build(detections, segments, config, deadLetters));
    write(outputs, StreamName.SHOPPABLE, ShoppableTopology.build(detections, config));
    DataStream<DeadLetter> allDeadLetters = deadLetters.get(0);
    for (DataStream<DeadLetter> more : deadLetters.subList(1, deadLetters.size())) {
      allDeadLetters = allDeadLetters.union(more);
    }
    write(outputs, StreamName.DEAD_LETTERS, allDeadLetters);
  }

  /**
   * Parses one input, gives it event time, and sends its bad and late records to the dead letters.
   * An absent input becomes an empty stream, so the graph (and its uids) never depends on which
   * inputs a recording has.
   */
  private <T> DataStream<T> ingest(
      Map<StreamName, DataStream<String>> inputs,
      StreamName stream,
      Class<T> type,
      EventTimeOf<T> eventTime) {
    String id = stream.id();
    DataStream<String> raw = inputs.get(stream);
    if (raw == null) {
      raw = emptyInput(id);
    }
    SingleOutputStreamOperator<T> parsed =
        raw.process(new ParseRecords<>(InputDecoder.forStream(stream, type)), RecordTypes.of(type))
            .uid("parse-" + id)
            .name("parse " + id);
    Duration bound = config.get(Settings.OUT_OF_ORDERNESS);
    Duration idleness = config.get(Settings.IDLENESS);
    SingleOutputStreamOperator<T> onTime =
        parsed
            .assignTimestampsAndWatermarks(
                BoundedOutOfOrdernessWatermarks.strategy(
                    bound, idleness, (r, previous) -> eventTime.of(r)))
            .uid("watermarks-" + id)
            .name("event time " + id)
            .process(new DropLateRecords<T>(id, bound), RecordTypes.of(type))
            .uid("late-" + id)
            .name("drop late " + id);
    deadLetters.add(parsed.getSideOutput(DeadLetterTag.DEAD_LETTERS));
    deadLetters.add(onTime.getSideOutput(DeadLetterTag.DEAD_LETTERS));
    return onTime;
  }

  /**
   * A bounded stream with no records. Flink 1.20 has no empty source and {@code fromData} refuses
   * an empty collection, so this reads one sequence number and lets nothing through.
   */
  private DataStream<String> emptyInput(String id) {
    return env.fromSource(new NumberSequenceSource(0, 0), WatermarkStrategy.noWatermarks(), "no " + id)
        .uid("source-" + id + "-absent")
        .filter(n -> false)
        .uid("absent-" + id)
        .name("no " + id)
        .map(n -> "")
        .returns(Types.STRING)
        .uid("absent-records-" + id)
        .name("no " + id);
  }

  /** Reads a record's event time. */
  private interface EventTimeOf<T> extends Serializable {
    long of(T record);
  }

  private <T> void write(OutputSinks outputs, StreamName stream, DataStream<T> records) {
    outputs.write(
        stream,
        records
            .map(new EncodeOutput<T>(stream.id()))
            .returns(Types.STRING)
            .uid("encode-" + stream.id())
            .name("encode " + stream.id()));
  }
}
