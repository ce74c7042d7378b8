package io.cuepoint.connectors.frames;

import java.util.concurrent.CompletableFuture;

/**
 * Fetches a segment's bytes without blocking the caller (the job's guarded fetcher checks
 * scheme, host, address, size and timeouts). The future fails when the bytes cannot be had.
 */
public interface SegmentBytesFetcher extends AutoCloseable {
  CompletableFuture<byte[]> fetch(String url);

  /** Makes a fetcher in each parallel instance of the decoder, which closes it. */
  interface Factory extends java.io.Serializable {
    SegmentBytesFetcher create();
  }
}
