package io.cuepoint.connectors.rekognition;

import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/** What an operator watches of the frames through the detector (metric group {@code rekognition}). */
final class DetectorMetrics {
  /** Analysed frames sent to Rekognition. */
  final Counter framesSent;
  /** Near-duplicate frames passed through without a call. */
  final Counter framesSkipped;
  /** Frames refused without a call (no image, over 5 MB). */
  final Counter framesRefused;
  /** Frames that came out with detections of every API switched on. */
  final Counter framesDetected;
  /** Frames that at least one API gave up on. */
  final Counter framesFailed;
  /** Frames without an outcome within the frame timeout. */
  final Counter framesTimedOut;
  final Map<RekognitionApi, ApiMetrics> apis = new EnumMap<>(RekognitionApi.class);

  DetectorMetrics(MetricGroup parent, RekognitionSettings settings) {
    MetricGroup g = parent.addGroup("rekognition");
    framesSent = g.counter("framesSent", new ThreadSafeSimpleCounter());
    framesSkipped = g.counter("framesSkipped", new ThreadSafeSimpleCounter());
    framesRefused = g.counter("framesRefused", new ThreadSafeSimpleCounter());
    framesDetected = g.counter("framesDetected", new ThreadSafeSimpleCounter());
    framesFailed = g.counter("framesFailed", new ThreadSafeSimpleCounter());
    framesTimedOut = g.counter("framesTimedOut", new ThreadSafeSimpleCounter());
    for (RekognitionApi api : RekognitionApi.values()) {
      if (settings.uses(api)) {
        apis.put(api, new ApiMetrics(g, api));
      }
    }
    g.gauge("estimatedCostUsd", (Gauge<Double>) () -> estimatedCost(settings));
  }

  /** Images each API analysed, times its configured price per image. */
  double estimatedCost(RekognitionSettings settings) {
    double cost = 0;
    for (Map.Entry<RekognitionApi, ApiMetrics> e : apis.entrySet()) {
      cost += e.getValue().imagesAnalysed.getCount() * settings.pricePerImage(e.getKey());
    }
    return cost;
  }
}
