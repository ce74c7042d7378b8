package io.cuepoint.connectors.shoppable;

import io.cuepoint.connectors.embedding.ImageEmbedder;
import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.connectors.vectors.ProductMatch;
import io.cuepoint.connectors.vectors.VectorIndex;
import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds catalog products in an analysed frame by what they look like: every boxed object the
 * detectors found (optionally only labels that can be products; the most confident first, up to a
 * cap) is cut out of the frame, embedded and looked up in the product index, and a product whose
 * image is at least {@code minSimilarity} alike becomes a {@code PRODUCT} item of the frame's
 * detection (name: product id, confidence: similarity × 100, box: the object's). Cropping runs on
 * a bounded executor and the calls are asynchronous, so the task thread never waits. A crop whose
 * embedding or lookup fails after its retries adds nothing; the frame keeps its other items and
 * the failure is counted as a fallback. Frames without a detection, or that inherit another
 * frame's detections, pass unchanged.
 */
public class ProductMatcher extends RichAsyncFunction<VideoFrame, VideoFrame> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ProductMatcher.class);
  static final String METRIC_GROUP = "shoppable";

  private final ShoppableServices services;
  private final MatcherSettings settings;
  private final double minSimilarity;
  private final Set<String> productLabels;

  private transient ImageEmbedder embedder;
  private transient VectorIndex index;
  private transient ThreadPoolExecutor cropExecutor;
  private transient MatcherMetrics metrics;

  public ProductMatcher(ShoppableServices services, MatcherSettings settings, double minSimilarity) {
    services.validate();
    settings.validate();
    this.services = services;
    this.settings = settings;
    this.minSimilarity = minSimilarity;
    this.productLabels = new HashSet<>();
    for (String label : settings.productLabels) {
      productLabels.add(label.trim().toLowerCase(Locale.ROOT));
    }
  }

  /** How long Flink's async operator should give a frame: every crop's calls, and a margin to crop. */
  public static long frameTimeoutMs(ShoppableServices services) {
    return services.cropTimeoutMs() + 1_000L;
  }

  @Override
  public void open(OpenContext openContext) {
    metrics = new MatcherMetrics(getRuntimeContext().getMetricGroup().addGroup(METRIC_GROUP));
    ShoppableServices mine =
        services.perSubtask(getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
    embedder = mine.embedder(metrics.embedListener());
    index = mine.index(metrics.lookupListener());
    cropExecutor =
        new ThreadPoolExecutor(
            settings.cropThreads,
            settings.cropThreads,
            0L,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(settings.cropQueue),
            r -> {
              Thread t = new Thread(r, "product-crops");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  MatcherMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    if (cropExecutor != null) {
      cropExecutor.shutdownNow();
    }
    if (embedder != null) {
      embedder.close();
    }
    if (index != null) {
      index.close();
    }
  }

  @Override
  public void asyncInvoke(VideoFrame frame, ResultFuture<VideoFrame> result) {
    metrics.framesIn.inc();
    List<DetectionItem> objects = objects(frame);
    if (objects.isEmpty()) {
      result.complete(Collections.singleton(frame));
      return;
    }
    long started = System.nanoTime();
    List<BoundingBox> boxes = new ArrayList<>();
    for (DetectionItem item : objects) {
      boxes.add(item.box);
    }
    CompletableFuture<List<FrameCrops.Crop>> crops;
    try {
      crops =
          CompletableFuture.supplyAsync(
              () -> FrameCrops.crop(frame.jpeg, boxes, settings.minCropPixels), cropExecutor);
    } catch (RejectedExecutionException e) {
      metrics.fallbacks.inc();
      result.complete(Collections.singleton(frame));
      return;
    }
    crops
        .thenCompose(this::matchAll)
        .whenComplete(
            (outcomes, error) -> {
              metrics.frameLatency(System.nanoTime() - started);
              if (error != null) {
                metrics.fallbacks.inc();
                LOG.debug("frame {}@{} passes unmatched", frame.mediaId, frame.positionMs, error);
                result.complete(Collections.singleton(frame));
                return;
              }
              result.complete(Collections.singleton(withProducts(frame, outcomes)));
            });
  }

  @Override
  public void timeout(VideoFrame frame, ResultFuture<VideoFrame> result) {
    metrics.timeouts.inc();
    metrics.fallbacks.inc();
    result.complete(Collections.singleton(frame));
  }

  /** The boxed objects worth matching, most confident first, at most the cap. */
  private List<DetectionItem> objects(VideoFrame frame) {
    if (frame.inheritsFromMs != null
        || frame.jpeg == null
        || frame.detection == null
        || frame.detection.items == null) {
      return Collections.emptyList();
    }
    List<DetectionItem> out = new ArrayList<>();
    for (DetectionItem item : frame.detection.items) {
      if (item != null
          && item.box != null
          && item.box.left != null
          && item.box.top != null
          && item.box.width != null
          && item.box.height != null
          && (item.kind == ItemKind.LABEL || item.kind == ItemKind.CUSTOM_LABEL)
          && (productLabels.isEmpty()
              || (item.name != null && productLabels.contains(item.name.toLowerCase(Locale.ROOT))))) {
        out.add(item);
      }
    }
    out.sort(
        Comparator.comparing((DetectionItem i) -> i.confidence == null ? 0.0 : i.confidence).reversed());
    return out.size() > settings.maxCropsPerFrame ? out.subList(0, settings.maxCropsPerFrame) : out;
  }

  /** Each crop's best match (null: none or failed), once every crop has its answer. */
  private CompletableFuture<List<Outcome>> matchAll(List<FrameCrops.Crop> crops) {
    metrics.crops.inc(crops.size());
    List<CompletableFuture<Outcome>> each = new ArrayList<>();
    for (FrameCrops.Crop crop : crops) {
      each.add(match(crop));
    }
    return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            v -> {
              List<Outcome> out = new ArrayList<>();
              boolean failed = false;
              for (CompletableFuture<Outcome> f : each) {
                Outcome o = f.join();
                failed |= o.failed;
                out.add(o);
              }
              if (failed) {
                metrics.fallbacks.inc();
              }
              return out;
            });
  }

  private CompletableFuture<Outcome> match(FrameCrops.Crop crop) {
    CompletableFuture<ProductMatch[]> found;
    try {
      metrics.embedCalls.inc();
      found =
          embedder
              .embed(crop.jpeg)
              .thenCompose(
                  vector -> {
                    metrics.lookups.inc();
                    return index.nearest(vector, settings.topK);
                  });
    } catch (RuntimeException e) {
      found = CompletableFuture.failedFuture(e);
    }
    return found.handle(
        (matches, error) -> {
          if (error != null) {
            metrics.failedCrops.inc();
            LOG.debug("a crop could not be matched", error);
            return new Outcome(crop.box, null, true);
          }
          ProductMatch best = matches == null || matches.length == 0 ? null : matches[0];
          if (best != null && best.similarity < minSimilarity) {
            metrics.belowThreshold.inc();
            best = null;
          }
          return new Outcome(crop.box, best, false);
        });
  }

  /** A copy of the frame whose detection also names the products found, best crop per product. */
  private VideoFrame withProducts(VideoFrame frame, List<Outcome> outcomes) {
    Set<String> named = new HashSet<>();
    for (DetectionItem item : frame.detection.items) {
      if (item != null && item.kind == ItemKind.PRODUCT && item.name != null) {
        named.add(item.name);
      }
    }
    Map<String, Outcome> best = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      if (o.match != null && !named.contains(o.match.productId)) {
        best.merge(o.match.productId, o, (a, b) -> b.match.similarity > a.match.similarity ? b : a);
      }
    }
    if (best.isEmpty()) {
      return frame;
    }
    metrics.matches.inc(best.size());
    metrics.framesWithProducts.inc();
    DetectionItem[] items = Arrays.copyOf(frame.detection.items, frame.detection.items.length + best.size());
    int i = frame.detection.items.length;
    for (Outcome o : best.values()) {
      DetectionItem product = new DetectionItem();
      product.kind = ItemKind.PRODUCT;
      product.name = o.match.productId;
      product.confidence = Math.max(0.0, Math.min(100.0, o.match.similarity * 100.0));
      product.box = o.box;
      items[i++] = product;
    }
    Detection detection = new Detection();
    detection.mediaId = frame.detection.mediaId;
    detection.positionMs = frame.detection.positionMs;
    detection.eventTime = frame.detection.eventTime;
    detection.source = frame.detection.source;
    detection.items = items;
    VideoFrame out = new VideoFrame();
    out.mediaId = frame.mediaId;
    out.channelArn = frame.channelArn;
    out.positionMs = frame.positionMs;
    out.eventTime = frame.eventTime;
    out.segmentSequence = frame.segmentSequence;
    out.width = frame.width;
    out.height = frame.height;
    out.jpeg = frame.jpeg;
    out.dHash = frame.dHash;
    out.inheritsFromMs = frame.inheritsFromMs;
    out.detection = detection;
    return out;
  }

  /** What one crop came to. */
  private static final class Outcome {
    final BoundingBox box;
    final ProductMatch match;
    final boolean failed;

    Outcome(BoundingBox box, ProductMatch match, boolean failed) {
      this.box = box;
      this.match = match;
      this.failed = failed;
    }
  }
}
