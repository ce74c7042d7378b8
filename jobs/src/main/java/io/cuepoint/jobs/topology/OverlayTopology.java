package io.cuepoint.jobs.topology;

import io.cuepoint.connectors.ivs.IvsClientBuilder;
import io.cuepoint.connectors.ivs.IvsClientFactory;
import io.cuepoint.connectors.ivs.IvsMetadataSender;
import io.cuepoint.connectors.ivs.IvsSettings;
import io.cuepoint.connectors.srt.ProductCues;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.OverlayConfig;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.operators.io.BoundedOutOfOrdernessWatermarks;
import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.operators.io.EndOfEventTime;
import io.cuepoint.operators.overlay.MediaChannels;
import io.cuepoint.operators.overlay.OverlayScheduler;
import io.cuepoint.operators.overlay.ProductFrame;
import io.cuepoint.operators.overlay.ProductFrames;
import io.cuepoint.operators.serialization.RecordTypes;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Product overlays: detections (and SRT product cues) become product frames, frames learn their
 * media's IVS channel from the segments, the channel-keyed scheduler decides SHOW, RESEND and
 * CLEAR, and the sender puts each decision on IVS (or marks it DRY_RUN).
 *
 * <pre>
 * detections ∪ product cues ─► product frames ─ keyBy(media) ┐
 * segments ───────────────────────────────── keyBy(media) ┴► media channels ─ keyBy(channel)
 *   ─► overlay scheduler ─► IVS PutMetadata (async, rate-limited) ─► overlays
 * </pre>
 */
public final class OverlayTopology {
  private OverlayTopology() {}

  /**
   * @param deadLetters gets the overlay path's dead letters
   * @return every decision with its outcome: the {@code overlays} output
   */
  public static DataStream<Overlay> build(
      DataStream<Detection> detections,
      DataStream<Segment> segments,
      CuepointConfig config,
      List<DataStream<DeadLetter>> deadLetters) {
    OverlayConfig overlays = OverlayConfig.of(config);
    DataStream<Detection> onScreen = detections;
    for (OverlayConfig.ProductCueFile file : overlays.productCues) {
      DataStream<Detection> cues =
          productCues(detections.getExecutionEnvironment(), file, config, deadLetters);
      if (cues != null) {
        onScreen = onScreen.union(cues);
      }
    }

    SingleOutputStreamOperator<ProductFrame> frames =
        onScreen
            .flatMap(
                new ProductFrames(overlays.catalog, overlays.rules),
                RecordTypes.of(ProductFrame.class))
            .uid("overlay-product-frames")
            .name("overlay product frames");

    SingleOutputStreamOperator<ProductFrame> withChannel =
        frames
            .keyBy(f -> f.mediaId, Types.STRING)
            .connect(segments.keyBy(s -> s.mediaId, Types.STRING))
            .process(new MediaChannels(overlays.rules), RecordTypes.of(ProductFrame.class))
            .uid("overlay-media-channels")
            .name("overlay media channels");

    SingleOutputStreamOperator<Overlay> decisions =
        withChannel
            .keyBy(f -> f.channelArn, Types.STRING)
            .process(new OverlayScheduler(overlays.catalog, overlays.urls, overlays.rules))
            .uid("overlay-scheduler")
            .name("overlay scheduler");
    deadLetters.add(decisions.getSideOutput(DeadLetterTag.DEAD_LETTERS));

    return send(decisions, overlays.ivs, IvsClientBuilder.withDefaultCredentials());
  }

  /**
   * Puts the scheduler's decisions on IVS. Watermarks stop in front of the sender: nothing after it
   * reads event time, and with watermarks flowing one throttled call would hold back the outcomes
   * of every channel behind the next watermark ({@link EndOfEventTime}).
   */
  public static SingleOutputStreamOperator<Overlay> send(
      DataStream<Overlay> decisions, IvsSettings ivs, IvsClientFactory clients) {
    DataStream<Overlay> toSend =
        decisions
            .transform("end of event time", decisions.getType(), new EndOfEventTime<Overlay>())
            .uid("overlay-end-of-event-time");
    return IvsMetadataSender.attach(toSend, ivs, clients)
        .uid("overlay-ivs-sender")
        .name("IVS PutMetadata");
  }

  /**
   * The cues of one SRT file as detections in event time (null when it has none); unreadable cues
   * are dead letters.
   */
  private static DataStream<Detection> productCues(
      StreamExecutionEnvironment env,
      OverlayConfig.ProductCueFile file,
      CuepointConfig config,
      List<DataStream<DeadLetter>> deadLetters) {
    String input = "product-cues:" + file.file;
    String id = "product-cues-" + file.mediaId;
    ProductCues cues =
        ProductCues.read(file.text, file.mediaId, file.streamStartMs, input, System.currentTimeMillis());
    if (!cues.deadLetters.isEmpty()) {
      deadLetters.add(
          env.fromData(new ArrayList<>(cues.deadLetters), TypeInformation.of(DeadLetter.class))
              .uid("dead-" + id)
              .name("unreadable " + id));
    }
    List<Detection> ordered = new ArrayList<>(cues.detections);
    ordered.sort(Comparator.comparing(d -> d.eventTime));
    if (ordered.isEmpty()) {
      return null;
    }
    return env.fromData(ordered, RecordTypes.of(Detection.class))
        .uid("source-" + id)
        .name("read " + input)
        .assignTimestampsAndWatermarks(
            BoundedOutOfOrdernessWatermarks.strategy(
                config.get(Settings.OUT_OF_ORDERNESS),
                config.get(Settings.IDLENESS),
                (d, previous) -> d.eventTime))
        .uid("watermarks-" + id)
        .name("event time " + id);
  }
}
