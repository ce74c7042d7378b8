package io.cuepoint.jobs.hls;

import io.cuepoint.connectors.aws.AwsAccess;
import io.cuepoint.connectors.fetch.FetchPolicy;
import io.cuepoint.connectors.fetch.FetchRefusedException;
import io.cuepoint.connectors.fetch.GuardedFetcher;
import io.cuepoint.connectors.fetch.UrlCheck;
import io.cuepoint.connectors.hls.FollowSettings;
import io.cuepoint.connectors.hls.HlsPlaylistFollower;
import io.cuepoint.connectors.kinesis.PutRecordsPublisher;
import io.cuepoint.connectors.kinesis.StreamArn;
import io.cuepoint.jobs.cli.Arguments;
import io.cuepoint.jobs.cli.UsageException;
import io.cuepoint.jobs.config.ConfigException;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.FetchConfig;
import io.cuepoint.jobs.config.PropertyGroups;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.jobs.run.LiveConfig;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.codec.RecordValidation;
import io.cuepoint.schemas.records.Segment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * {@code hls-to-kinesis --playlist URL --media ID --stream NAME}: follows an HLS playlist and
 * publishes each new segment once, as a {@code segments} record (JSON, partition key the media
 * id), to a Kinesis stream, until the playlist ends or the process is interrupted. Playlists are
 * fetched through the fetch guard ({@code Fetch.*}); Kinesis is reached as {@code run} reaches it
 * ({@code Aws.*}, {@code Kinesis.endpoint}).
 */
public final class HlsToKinesisCommand {
  public static final String USAGE =
      "hls-to-kinesis --playlist URL --media ID --stream NAME|ARN [--channel ARN] [--config FILE] [--set Group.key=value]...";

  private static final String NAME = "hls-to-kinesis";
  /** Beyond the publish retry budget, how long the end waits for segments found to reach the stream. */
  private static final long FLUSH_GRACE_MS = 30_000;

  private HlsToKinesisCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments a = Arguments.parse(NAME, args, Set.of("playlist", "media", "stream", "channel", "config"), Set.of());
    String playlist = a.required("playlist");
    String media = a.required("media");
    String stream = a.required("stream");
    String channel = a.option("channel").orElse(null);
    CuepointConfig config =
        CuepointConfig.of(
            a.option("config").map(f -> PropertyGroups.read(Path.of(f))).orElse(Collections.emptyMap()),
            a.overrides());
    FetchPolicy policy = FetchConfig.policy(config);
    try {
      UrlCheck.check(playlist, policy);
    } catch (FetchRefusedException e) {
      throw new UsageException(NAME + ": --playlist: " + e.getMessage());
    }
    checkMedia(media, channel);
    AwsAccess access = access(stream, config, System.getenv());
    FollowSettings follow = new FollowSettings();
    follow.playlistUrl = playlist;
    follow.mediaId = media;
    follow.channelArn = channel;
    follow.maxVariantHeight = config.get(Settings.HLS_MAX_VARIANT_HEIGHT);
    follow.giveUpAfterMs = config.get(Settings.HLS_GIVE_UP_AFTER).toMillis();

    long flushTimeoutMs = config.get(Settings.HLS_PUBLISH_RETRY_BUDGET).toMillis() + FLUSH_GRACE_MS;
    err.println(NAME + ": following " + playlist + " (media " + media + ") -> " + stream);
    try (KinesisAsyncClient client = access.configure(KinesisAsyncClient.builder()).build();
        GuardedFetcher fetcher = new GuardedFetcher(policy);
        PutRecordsPublisher publisher =
            new PutRecordsPublisher(
                client,
                stream,
                config.get(Settings.KINESIS_SINK_BATCH),
                config.get(Settings.HLS_PUBLISH_RETRY_BUDGET).toMillis(),
                Clock.systemUTC())) {
      AtomicReference<String> firstFailure = new AtomicReference<>();
      HlsPlaylistFollower follower =
          new HlsPlaylistFollower(
              fetcher,
              follow,
              segment -> publish(publisher, segment, firstFailure, err),
              new ProgressLines(NAME, err));
      CountDownLatch finished = new CountDownLatch(1);
      Thread stopOnInterrupt =
          new Thread(
              () -> {
                follower.close();
                try {
                  finished.await(flushTimeoutMs + 1_000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "cuepoint-hls-stop");
      Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
      try {
        follow(follower, publisher, flushTimeoutMs);
        out.printf(
            "%s: %,d segments published to %s in %,d PutRecords calls (%s)%n",
            NAME, publisher.published.get(), stream, publisher.calls.get(), follower.stats());
        if (publisher.failedRecords.get() > 0) {
          throw new IllegalStateException(
              publisher.failedRecords.get() + " segments were not published"
                  + (firstFailure.get() == null ? "" : "; the first: " + firstFailure.get()));
        }
      } finally {
        // On Ctrl-C the hook holds the JVM until here, so what was found is published and told.
        finished.countDown();
        removeHook(stopOnInterrupt);
      }
    }
    return 0;
  }

  /** Follows until the playlist ends, fails or is closed, then lets the publisher finish. */
  private static void follow(HlsPlaylistFollower follower, PutRecordsPublisher publisher, long flushTimeoutMs)
      throws Exception {
    try {
      follower.start().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    } finally {
      follower.close();
      try {
        publisher.flush().get(flushTimeoutMs, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new IllegalStateException(
            "only " + publisher.published.get() + " of " + follower.stats().segmentsEmitted.get()
                + " segments published within " + flushTimeoutMs / 1000 + " s");
      }
    }
  }

  private static void publish(
      PutRecordsPublisher publisher, Segment segment, AtomicReference<String> firstFailure, PrintStream err) {
    publisher
        .publish(segment.mediaId, RecordCodec.encode(segment))
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                firstFailure.compareAndSet(null, failure.getMessage());
                err.println(NAME + ": segment " + segment.sequence + " not published: " + failure.getMessage());
              }
            });
  }

  /** The media id and channel as the segments input validates them. */
  private static void checkMedia(String media, String channel) {
    Segment probe = new Segment();
    probe.mediaId = media;
    probe.channelArn = channel;
    probe.segmentUrl = "https://example.com/0.ts";
    probe.sequence = 0L;
    probe.durationMs = 1L;
    probe.positionMs = 0L;
    probe.eventTime = RecordValidation.MIN_EVENT_TIME;
    try {
      RecordValidation.segment(probe);
    } catch (RecordException e) {
      String option = e.getMessage().startsWith("channelArn") ? "--channel" : "--media";
      throw new UsageException(NAME + ": " + option + ": " + e.getMessage());
    }
  }

  /** A stream ARN in its own region, or a stream name in the configured one. */
  static AwsAccess access(String stream, CuepointConfig config, Map<String, String> environment) {
    if (StreamArn.looksLikeArn(stream)) {
      try {
        return LiveConfig.kinesisAccess(config, StreamArn.parse(stream).region());
      } catch (IllegalArgumentException e) {
        throw new UsageException(NAME + ": --stream " + e.getMessage());
      }
    }
    if (!StreamArn.isStreamName(stream)) {
      throw new UsageException(NAME + ": --stream '" + stream + "' is neither a stream name nor a stream ARN");
    }
    String region = config.get(Settings.AWS_REGION);
    if (region.equals("auto")) {
      region = environment.getOrDefault("AWS_REGION", "").trim();
    }
    if (region.isEmpty()) {
      throw new ConfigException(
          Settings.AWS_REGION.id() + ": auto, but AWS_REGION is not set; " + NAME + " --stream " + stream
              + " needs a region (or give the stream's ARN)");
    }
    return LiveConfig.kinesisAccess(config, region);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C: the hook is what is running now.
    }
  }
}
