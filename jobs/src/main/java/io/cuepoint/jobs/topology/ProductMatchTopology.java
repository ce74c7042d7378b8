package io.cuepoint.jobs.topology;

import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.connectors.shoppable.ProductMatcher;
import io.cuepoint.connectors.shoppable.ShoppableServices;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.jobs.config.ShoppableServicesConfig;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Visual product matching on the analysed frames: each boxed object is cropped, embedded and
 * looked up (async I/O), and a close enough catalog product joins the frame's detection as a
 * PRODUCT item. Ordered, so frames leave in the order the frame pipeline emitted them.
 */
public final class ProductMatchTopology {
  private ProductMatchTopology() {}

  /**
   * @param services which embedder and index to use (see {@link ShoppableServicesConfig#services})
   * @param minSimilarity cosine similarity (-1 to 1) at or above which a product is on screen
   */
  public static DataStream<VideoFrame> match(
      DataStream<VideoFrame> frames,
      CuepointConfig config,
      ShoppableServices services,
      double minSimilarity) {
    return AsyncDataStream.orderedWait(
            frames,
            new ProductMatcher(services, ShoppableServicesConfig.matcher(config), minSimilarity),
            ProductMatcher.frameTimeoutMs(services),
            TimeUnit.MILLISECONDS,
            config.get(Settings.SHOPPABLE_CAPACITY))
        .uid("shoppable-product-matcher")
        .name("match products by image");
  }
}
