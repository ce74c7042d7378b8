package io.cuepoint.jobs.topology;

import io.cuepoint.connectors.fetch.FetchPolicy;
import io.cuepoint.connectors.fetch.GuardedFetcher;
import io.cuepoint.connectors.frames.SegmentBytesFetcher;
import java.util.concurrent.CompletableFuture;

/** Segment bytes for the frame decoders, fetched through the fetch guard. */
final class GuardedSegmentFetchers implements SegmentBytesFetcher.Factory {
  private static final long serialVersionUID = 1L;
  private final FetchPolicy policy;

  GuardedSegmentFetchers(FetchPolicy policy) {
    this.policy = policy;
  }

  @Override
  public SegmentBytesFetcher create() {
    GuardedFetcher fetcher = new GuardedFetcher(policy);
    return new SegmentBytesFetcher() {
      @Override
      public CompletableFuture<byte[]> fetch(String url) {
        return fetcher.fetch(url);
      }

      @Override
      public void close() {
        fetcher.close();
      }
    };
  }
}
