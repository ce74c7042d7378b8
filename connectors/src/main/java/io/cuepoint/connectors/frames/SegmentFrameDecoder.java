package io.cuepoint.connectors.frames;

import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Fetches each segment (without blocking the task thread) and decodes it on this subtask's own
 * pool of decode threads (decoding is CPU work, so the task thread never does it), emitting every
 * sampled frame of the segment at once. A segment that cannot be fetched or decoded, or that
 * times out, becomes one {@link FrameFailure}: the job goes on. Use with unorderedWait and a
 * capacity that bounds the segments in flight (their bytes are held until decoded).
 */
public class SegmentFrameDecoder extends RichAsyncFunction<Segment, FrameOutcome> {
  private static final long serialVersionUID = 1L;

  private final FrameSettings settings;
  private final SegmentBytesFetcher.Factory fetchers;

  private transient SegmentBytesFetcher fetcher;
  private transient ExecutorService decodeThreads;
  private transient FrameExtractor extractor;
  private transient DecoderMetrics metrics;

  public SegmentFrameDecoder(FrameSettings settings, SegmentBytesFetcher.Factory fetchers) {
    settings.validate();
    this.settings = settings;
    this.fetchers = fetchers;
  }

  @Override
  public void open(OpenContext openContext) {
    metrics = new DecoderMetrics(getRuntimeContext().getMetricGroup());
    extractor = new FrameExtractor(settings);
    fetcher = fetchers.create();
    AtomicInteger threads = new AtomicInteger();
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    // The async operator's capacity bounds what waits here, so the queue needs no bound of its own.
    decodeThreads =
        new ThreadPoolExecutor(
            settings.decodeThreads,
            settings.decodeThreads,
            0L,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "frame-decoder-" + subtask + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void close() throws Exception {
    if (decodeThreads != null) {
      decodeThreads.shutdownNow();
    }
    if (fetcher != null) {
      fetcher.close();
    }
  }

  @Override
  public void asyncInvoke(Segment segment, ResultFuture<FrameOutcome> result) {
    CompletableFuture<byte[]> bytes;
    try {
      bytes = fetcher.fetch(segment.segmentUrl);
    } catch (RuntimeException e) {
      bytes = CompletableFuture.failedFuture(e);
    }
    bytes
        .whenComplete(
            (body, error) -> {
              if (error == null) {
                metrics.segmentsFetched.inc();
                metrics.segmentBytes.inc(body.length);
              } else {
                metrics.fetchFailures.inc();
              }
            })
        .thenApplyAsync(body -> decode(segment, body), decodeThreads)
        .whenComplete(
            (outcomes, error) -> {
              if (error == null) {
                result.complete(outcomes);
              } else {
                result.complete(failure(segment, "fetch failed: " + reason(error)));
              }
            });
  }

  @Override
  public void timeout(Segment segment, ResultFuture<FrameOutcome> result) {
    metrics.timeouts.inc();
    result.complete(failure(segment, "timed out fetching and decoding the segment"));
  }

  private List<FrameOutcome> decode(Segment segment, byte[] body) {
    long started = System.nanoTime();
    try {
      FrameExtractor.Result decoded = extractor.extract(segment, body);
      metrics.framesDecoded.inc(decoded.framesDecoded);
      metrics.framesSampled.inc(decoded.frames.size());
      List<FrameOutcome> outcomes = new ArrayList<>(decoded.frames.size());
      for (VideoFrame frame : decoded.frames) {
        outcomes.add(FrameOutcome.of(frame));
      }
      return outcomes;
    } catch (FrameDecodeException e) {
      metrics.decodeFailures.inc();
      return failure(segment, e.getMessage());
    } catch (RuntimeException e) {
      metrics.decodeFailures.inc();
      return failure(segment, "cannot decode segment: " + e);
    } finally {
      metrics.decodeLatency(System.nanoTime() - started);
    }
  }

  private static List<FrameOutcome> failure(Segment segment, String reason) {
    FrameFailure failure = new FrameFailure();
    failure.mediaId = segment.mediaId;
    failure.segmentUrl = segment.segmentUrl;
    failure.reason = reason;
    failure.segment = RecordCodec.encode(segment);
    return Collections.singletonList(FrameOutcome.of(failure));
  }

  private static String reason(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
