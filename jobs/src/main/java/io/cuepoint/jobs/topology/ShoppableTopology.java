package io.cuepoint.jobs.topology;

import io.cuepoint.connectors.srt.ProductCues;
import io.cuepoint.jobs.config.ConfigException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.OverlayConfig;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.operators.io.BoundedOutOfOrdernessWatermarks;
import io.cuepoint.operators.serialization.RecordTypes;
import io.cuepoint.operators.shoppable.ProductSightings;
import io.cuepoint.operators.shoppable.ProductSightingsOf;
import io.cuepoint.operators.shoppable.ShoppableSettings;
import io.cuepoint.operators.shoppable.ShoppableSpanBuilder;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.ShoppableSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The shoppable timeline: every {@code PRODUCT} item of the detections (upstream detections,
 * visual matches, SRT product cues) merged per media into spans in which the product can be
 * bought from the video.
 *
 * <pre>
 * detections ∪ product cues ─ product sightings ─ keyBy(media) ─► shoppable spans ─► shoppable
 * </pre>
 */
public final class ShoppableTopology {
  private ShoppableTopology() {}

  /** @return the {@code shoppable} output */
  public static DataStream<ShoppableSpan> build(DataStream<Detection> detections, CuepointConfig config) {
    long gap = config.get(Settings.SHOPPABLE_GAP_TOLERANCE).toMillis();
    if (gap <= 0) {
      throw new ConfigException(Settings.SHOPPABLE_GAP_TOLERANCE.id() + ": must be more than 0");
    }
    DataStream<Detection> sightings = detections;
    for (OverlayConfig.ProductCueFile file : OverlayConfig.of(config).productCues) {
      DataStream<Detection> cues = productCues(detections, file, config);
      if (cues != null) {
        sightings = sightings.union(cues);
      }
    }
    return sightings
        .flatMap(new ProductSightingsOf(), RecordTypes.of(ProductSightings.class))
        .uid("shoppable-sightings")
        .name("product sightings")
        .keyBy(s -> s.mediaId, Types.STRING)
        .process(new ShoppableSpanBuilder(new ShoppableSettings(gap)))
        .uid("shoppable-spans")
        .name("shoppable spans");
  }

  /**
   * The cues of one SRT file as detections in event time (null when it has none). Unreadable cues
   * are left out here: the overlay path reads the same file and makes them dead letters once.
   */
  private static DataStream<Detection> productCues(
      DataStream<Detection> detections, OverlayConfig.ProductCueFile file, CuepointConfig config) {
    String id = "shoppable-product-cues-" + file.mediaId;
    ProductCues cues =
        ProductCues.read(
            file.text, file.mediaId, file.streamStartMs, "product-cues:" + file.file, System.currentTimeMillis());
    List<Detection> ordered = new ArrayList<>(cues.detections);
    if (ordered.isEmpty()) {
      return null;
    }
    ordered.sort(Comparator.comparing(d -> d.eventTime));
    return detections
        .getExecutionEnvironment()
        .fromData(ordered, RecordTypes.of(Detection.class))
        .uid("source-" + id)
        .name("read product cues of " + file.mediaId + " for shoppable spans")
        .assignTimestampsAndWatermarks(
            BoundedOutOfOrdernessWatermarks.strategy(
                config.get(Settings.OUT_OF_ORDERNESS),
                config.get(Settings.IDLENESS),
                (d, previous) -> d.eventTime))
        .uid("watermarks-" + id)
        .name("event time " + id);
  }
}
