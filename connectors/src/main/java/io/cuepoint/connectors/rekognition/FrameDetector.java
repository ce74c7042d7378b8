package io.cuepoint.connectors.rekognition;

import io.cuepoint.connectors.frames.VideoFrame;
import io.cuepoint.connectors.retry.Backoff;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionAsyncClient;

/**
 * Looks at each analysed frame with the Rekognition APIs switched on, through Flink async I/O
 * over the SDK v2 async client, so the task thread never waits. Use it as
 * {@code AsyncDataStream.unorderedWait(frames, new FrameDetector(settings),
 * settings.frameTimeoutMs, TimeUnit.MILLISECONDS, settings.capacity)}.
 *
 * <ul>
 *   <li>A frame skipped as a near-duplicate ({@code inheritsFromMs} set) passes through untouched.
 *   <li>A frame without an image, or with a JPEG over Rekognition's 5 MB, is refused without a
 *       call: it comes out with {@code error} set.
 *   <li>Any other frame comes out with {@code detection}: the items of every API that answered,
 *       {@code source} naming them ({@code rekognition:DetectLabels+RecognizeCelebrities}). An API
 *       that gave up (after retries, or a rejected request), or a frame without an outcome within
 *       the frame timeout, sets {@code error}, naming the API and the reason.
 * </ul>
 *
 * Each API has its own token bucket at its calls per second (the job's rate split between the
 * subtasks); a call waiting for a token is queued and sent by a timer, never slept on.
 * {@link FrameDetectionsSplitter} then turns frames with an error into dead letters.
 */
public class FrameDetector extends RichAsyncFunction<VideoFrame, VideoFrame> {
  private static final long serialVersionUID = 1L;
  /** A tenth of a second's calls may go at once (at least one). */
  private static final double BURST_SECONDS = 0.1;

  private final RekognitionSettings settings;

  private transient RekognitionAsyncClient client;
  private transient ScheduledExecutorService timer;
  private transient RekognitionCalls calls;
  private transient Map<RekognitionApi, ApiCaller> callers;
  private transient DetectorMetrics metrics;
  /** Frames in flight to the flag that abandons their calls when they time out. */
  private transient Map<VideoFrame, AtomicBoolean> inFlight;

  public FrameDetector(RekognitionSettings settings) {
    settings.validate();
    this.settings = settings;
  }

  @Override
  public void open(OpenContext openContext) {
    int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
    metrics = new DetectorMetrics(getRuntimeContext().getMetricGroup(), settings);
    inFlight = Collections.synchronizedMap(new IdentityHashMap<>());
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rekognition-timer");
              t.setDaemon(true);
              return t;
            });
    client = RekognitionClients.build(settings);
    calls = new RekognitionCalls(client, settings);
    callers = new EnumMap<>(RekognitionApi.class);
    Backoff backoff =
        new Backoff(settings.initialBackoffMs, Math.max(settings.retryBudgetMs, 1), new Random());
    for (RekognitionApi api : metrics.apis.keySet()) {
      double perSecond = settings.callsPerSecond(api) / subtasks;
      TokenBucket bucket = new TokenBucket(perSecond, perSecond * BURST_SECONDS, System.nanoTime());
      RateGate gate = new RateGate(bucket, settings.capacity, timer, System::nanoTime);
      callers.put(
          api,
          new ApiCaller(
              api, gate, backoff, timer, metrics.apis.get(api), settings.retryBudgetMs, System::nanoTime));
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (client != null) {
      client.close();
    }
  }

  @Override
  public void asyncInvoke(VideoFrame frame, ResultFuture<VideoFrame> result) {
    if (frame.inheritsFromMs != null) {
      metrics.framesSkipped.inc();
      result.complete(Collections.singleton(frame));
      return;
    }
    String refusal = refusal(frame);
    if (refusal != null) {
      metrics.framesRefused.inc();
      result.complete(Collections.singleton(copy(frame, null, refusal)));
      return;
    }
    metrics.framesSent.inc();
    AtomicBoolean abandoned = new AtomicBoolean();
    inFlight.put(frame, abandoned);
    SdkBytes image = SdkBytes.fromByteArrayUnsafe(frame.jpeg);
    List<RekognitionApi> apis = new ArrayList<>(callers.keySet());
    List<CompletableFuture<DetectionItem[]>> answers = new ArrayList<>();
    for (RekognitionApi api : apis) {
      answers.add(callers.get(api).call(() -> calls.call(api, image), abandoned::get));
    }
    CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0]))
        .whenComplete(
            (done, anyError) -> {
              if (inFlight.remove(frame) == null) {
                return;
              }
              VideoFrame out;
              try {
                out = merge(frame, apis, answers);
              } catch (RuntimeException e) {
                out = copy(frame, null, "Rekognition: answer could not be read: " + e);
              }
              (out.error == null ? metrics.framesDetected : metrics.framesFailed).inc();
              result.complete(Collections.singleton(out));
            });
  }

  @Override
  public void timeout(VideoFrame frame, ResultFuture<VideoFrame> result) {
    AtomicBoolean abandoned = inFlight.remove(frame);
    if (abandoned != null) {
      abandoned.set(true);
    }
    metrics.framesTimedOut.inc();
    result.complete(
        Collections.singleton(
            copy(
                frame,
                null,
                "Rekognition: no outcome within the frame timeout of " + settings.frameTimeoutMs + " ms")));
  }

  /** This subtask's metrics, once open. */
  DetectorMetrics metrics() {
    return metrics;
  }

  /** Why a frame is not sent, or null. */
  static String refusal(VideoFrame frame) {
    if (frame.jpeg == null || frame.jpeg.length == 0) {
      return "Rekognition: not sent, the frame has no image";
    }
    if (frame.jpeg.length > RekognitionSettings.MAX_IMAGE_BYTES) {
      return "Rekognition: not sent, the image of "
          + frame.jpeg.length
          + " bytes is over Rekognition's limit of "
          + RekognitionSettings.MAX_IMAGE_BYTES
          + " bytes";
    }
    return null;
  }

  private static VideoFrame merge(
      VideoFrame frame, List<RekognitionApi> apis, List<CompletableFuture<DetectionItem[]>> answers) {
    List<DetectionItem> items = new ArrayList<>();
    List<String> answered = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < apis.size(); i++) {
      CompletableFuture<DetectionItem[]> answer = answers.get(i);
      if (answer.isCompletedExceptionally()) {
        errors.add(answer.handle((ok, e) -> CallError.unwrap(e).getMessage()).join());
      } else {
        answered.add(apis.get(i).operation);
        Collections.addAll(items, answer.join());
      }
    }
    Detection detection = null;
    if (!answered.isEmpty()) {
      detection = new Detection();
      detection.mediaId = frame.mediaId;
      detection.positionMs = frame.positionMs;
      detection.eventTime = frame.eventTime;
      detection.source = "rekognition:" + String.join("+", answered);
      detection.items = items.toArray(new DetectionItem[0]);
    }
    return copy(frame, detection, errors.isEmpty() ? null : errors.stream().collect(Collectors.joining("; ")));
  }

  /** A new frame, so nothing changes the input frame that the async operator still holds. */
  private static VideoFrame copy(VideoFrame in, Detection detection, String error) {
    VideoFrame out = new VideoFrame();
    out.mediaId = in.mediaId;
    out.channelArn = in.channelArn;
    out.positionMs = in.positionMs;
    out.eventTime = in.eventTime;
    out.segmentSequence = in.segmentSequence;
    out.width = in.width;
    out.height = in.height;
    out.jpeg = in.jpeg;
    out.dHash = in.dHash;
    out.inheritsFromMs = in.inheritsFromMs;
    out.detection = detection;
    out.error = error;
    return out;
  }
}
