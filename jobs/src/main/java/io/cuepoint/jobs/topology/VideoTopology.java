package io.cuepoint.jobs.topology;

import io.cuepoint.connectors.embedding.ImageFeatures;
import io.cuepoint.connectors.embedding.LocalImageEmbedder;
import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.connectors.rekognition.RekognitionSettings;
import io.cuepoint.connectors.shoppable.ShoppableServices;
import io.cuepoint.connectors.vectors.LocalVectorIndex;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.FetchConfig;
import io.cuepoint.jobs.config.FramesConfig;
import io.cuepoint.jobs.config.RekognitionConfig;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.jobs.config.ShoppableServicesConfig;
import io.cuepoint.operators.serialization.RecordTypes;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From video to detections, when Rekognition is on:
 *
 * <pre>
 * segments ─► frames (fetch + decode, near-duplicates skipped) ─► Rekognition ─► [product matching] ─► detections
 *                         └ skipped frames ─► carry forward ◄─ analysed frames' detections ──────────► detections
 * </pre>
 *
 * Products are matched by image when an index is there to match against: OpenSearch
 * ({@code Shoppable.index-kind=opensearch}) or an existing {@code Shoppable.index-file}.
 */
public final class VideoTopology {
  private static final Logger LOG = LoggerFactory.getLogger(VideoTopology.class);

  private VideoTopology() {}

  /** @return detections found in the video, or null when video analysis is off */
  public static DataStream<Detection> detections(
      DataStream<Segment> segments, CuepointConfig config, List<DataStream<DeadLetter>> deadLetters) {
    RekognitionSettings rekognition = RekognitionConfig.of(config);
    if (!rekognition.enabled) {
      return null;
    }
    FramesConfig framesConfig = FramesConfig.of(config);
    FramesTopology.Frames frames =
        FramesTopology.frames(
            segments,
            framesConfig,
            new GuardedSegmentFetchers(FetchConfig.policy(config)),
            deadLetters);
    DataStream<VideoFrame> analysed =
        RekognitionTopology.detect(frames.analysed, rekognition, deadLetters);
    ShoppableServices services = productMatching(config);
    if (services != null) {
      analysed =
          ProductMatchTopology.match(
              analysed, config, services, config.get(Settings.SHOPPABLE_MIN_SIMILARITY));
    }
    DataStream<Detection> found =
        analysed
            .filter(f -> f.detection != null)
            .uid("video-detected-frames")
            .name("frames with detections")
            .map(f -> f.detection)
            .returns(RecordTypes.of(Detection.class))
            .uid("video-detections")
            .name("detections of analysed frames");
    return found.union(FramesTopology.carryForward(analysed, frames.skipped, framesConfig));
  }

  /** The embedder and index to match products with, or null when there is no index. */
  private static ShoppableServices productMatching(CuepointConfig config) {
    String indexFile = config.get(Settings.SHOPPABLE_INDEX_FILE);
    if (!ShoppableServicesConfig.openSearch(config) && !Files.isRegularFile(Path.of(indexFile))) {
      LOG.info(
          "No product index ({} not found, {} is local): frames are not matched to products by"
              + " image; run index-catalog to make one",
          indexFile,
          Settings.SHOPPABLE_INDEX_KIND.id());
      return null;
    }
    return ShoppableServicesConfig.services(
        config,
        indexFile,
        () -> new LocalImageEmbedder(2),
        file -> LocalVectorIndex.open(file, ImageFeatures.VERSION));
  }
}
