package io.cuepoint.connectors.hls;

import io.cuepoint.connectors.fetch.FetchFailures;
import io.cuepoint.connectors.fetch.Fetched;
import io.cuepoint.connectors.fetch.GuardedFetcher;
import io.cuepoint.schemas.records.Segment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Follows an HLS media playlist, live or VOD, and hands each new segment to a sink exactly once,
 * in media sequence order, as a {@link Segment}. A master playlist is read once and one variant
 * followed (see {@link MasterPlaylist}).
 *
 * <ul>
 *   <li>A segment is new when its media sequence number is past the last one emitted, so a live
 *       window that slides (old segments leave, new ones arrive) emits each once; a segment that
 *       left the window before any load saw it is counted as missed.
 *   <li>{@code positionMs} is the segment's {@code #EXT-X-PROGRAM-DATE-TIME} minus the first
 *       emitted segment's when both have one, else the first emitted segment is at 0 and each
 *       later one at the previous one's position plus its {@code #EXTINF} (a missed segment
 *       counts as one target duration). {@code eventTime} is the program date-time, else the
 *       wall clock when the segment was found.
 *   <li>Reloads as RFC 8216 6.3.4 says: the target duration after a load that changed the
 *       playlist, half of it after one that did not, counted from the start of the last load.
 *       Retryable fetch failures are retried (0.5 s, doubling, up to the target duration) until
 *       they have lasted {@link FollowSettings#giveUpAfterMs}.
 *   <li>Stops at {@code #EXT-X-ENDLIST} ({@link #done()} completes), at a refusal or a malformed
 *       playlist ({@link #done()} fails), or at {@link #close()}.
 * </ul>
 *
 * <p>Nothing blocks: each load is an async fetch whose completion parses, emits and schedules the
 * next load on the timer. Loads never overlap, so the follower's state has one writer at a time.
 * The sink is called on the fetcher's threads and should hand segments on, not wait.
 */
public final class HlsPlaylistFollower implements AutoCloseable {
  private static final long FIRST_RETRY_MS = 500;
  private static final long RETRY_CAP_WITHOUT_PLAYLIST_MS = 10_000;

  private final GuardedFetcher fetcher;
  private final FollowSettings settings;
  private final Consumer<Segment> sink;
  private final ReloadTimer timer;
  private final Clock clock;
  private final FollowerListener listener;
  private final FollowerStats stats = new FollowerStats();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile boolean closed;

  private String url;
  private boolean followingVariant;
  private long targetDurationMs;
  private long nextSequence = -1;
  private long nextPositionMs;
  private Long anchorDateTimeMs;
  private long lastSeenSequence = Long.MIN_VALUE;
  private boolean lastSeenEnd;
  private long failingSinceMs = -1;
  private int consecutiveFailures;

  /** Follows on a timer thread of its own and the system clock. */
  public HlsPlaylistFollower(GuardedFetcher fetcher, FollowSettings settings, Consumer<Segment> sink, FollowerListener listener) {
    this(fetcher, settings, sink, listener, ReloadTimer.ownThread("cuepoint-hls-" + settings.mediaId), Clock.systemUTC());
  }

  /**
   * @param timer runs the loads; closed with the follower
   * @param clock the wall clock of {@code eventTime} and of the reload intervals
   */
  public HlsPlaylistFollower(
      GuardedFetcher fetcher,
      FollowSettings settings,
      Consumer<Segment> sink,
      FollowerListener listener,
      ReloadTimer timer,
      Clock clock) {
    this.fetcher = fetcher;
    this.settings = settings;
    this.sink = sink;
    this.listener = listener;
    this.timer = timer;
    this.clock = clock;
    this.url = settings.playlistUrl;
  }

  /** Starts following; returns {@link #done()}. */
  public CompletableFuture<Void> start() {
    timer.schedule(this::load, 0);
    return done;
  }

  /** Completes at the playlist's end or {@link #close()}; fails when following cannot go on. */
  public CompletableFuture<Void> done() {
    return done;
  }

  public FollowerStats stats() {
    return stats;
  }

  private void load() {
    if (closed) {
      return;
    }
    long startedMs = clock.millis();
    fetcher
        .fetchWithUrl(url)
        .whenComplete(
            (fetched, failure) -> {
              if (closed || done.isDone()) {
                return;
              }
              try {
                if (failure != null) {
                  failed(failure, startedMs);
                } else {
                  read(fetched, startedMs);
                }
              } catch (PlaylistException e) {
                done.completeExceptionally(new PlaylistException(url + ": " + e.getMessage()));
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              }
            });
  }

  private void read(Fetched fetched, long startedMs) throws PlaylistException {
    String text = new String(fetched.body, StandardCharsets.UTF_8);
    if (MasterPlaylist.isMaster(text)) {
      if (followingVariant) {
        throw new PlaylistException("the variant playlist is a master playlist itself");
      }
      Variant variant =
          MasterPlaylist.parse(text, fetched.url)
              .choose(settings.maxVariantHeight)
              .orElseThrow(() -> new PlaylistException("no variant with video in the master playlist"));
      url = variant.url;
      followingVariant = true;
      listener.variantChosen(variant);
      timer.schedule(this::load, 0);
      return;
    }
    MediaPlaylist playlist = MediaPlaylist.parse(text, fetched.url);
    failingSinceMs = -1;
    consecutiveFailures = 0;
    targetDurationMs = playlist.targetDurationMs;
    stats.playlistLoads.incrementAndGet();
    boolean changed = playlist.lastSequence() != lastSeenSequence || playlist.endList != lastSeenEnd;
    lastSeenSequence = playlist.lastSequence();
    lastSeenEnd = playlist.endList;
    if (!changed) {
      stats.unchangedLoads.incrementAndGet();
    }
    int emitted = emitNew(playlist);
    if (playlist.endList) {
      listener.loaded(playlist, emitted, -1);
      done.complete(null);
      return;
    }
    long intervalMs = changed ? playlist.targetDurationMs : playlist.targetDurationMs / 2;
    listener.loaded(playlist, emitted, intervalMs);
    timer.schedule(this::load, Math.max(0, intervalMs - (clock.millis() - startedMs)));
  }

  private int emitNew(MediaPlaylist playlist) {
    int emitted = 0;
    for (PlaylistSegment s : playlist.segments) {
      if (closed) {
        break;
      }
      boolean first = nextSequence < 0;
      if (!first && s.sequence < nextSequence) {
        continue;
      }
      if (!first && s.sequence > nextSequence) {
        long missed = s.sequence - nextSequence;
        stats.segmentsMissed.addAndGet(missed);
        nextPositionMs += missed * playlist.targetDurationMs;
      }
      if (first) {
        anchorDateTimeMs = s.programDateTimeMs;
      }
      long positionMs = nextPositionMs;
      if (anchorDateTimeMs != null && s.programDateTimeMs != null && s.programDateTimeMs >= anchorDateTimeMs) {
        positionMs = s.programDateTimeMs - anchorDateTimeMs;
      }
      Segment segment = new Segment();
      segment.mediaId = settings.mediaId;
      segment.channelArn = settings.channelArn;
      segment.segmentUrl = s.url;
      segment.sequence = s.sequence;
      segment.durationMs = s.durationMs;
      segment.positionMs = positionMs;
      segment.eventTime = s.programDateTimeMs != null ? s.programDateTimeMs : clock.millis();
      sink.accept(segment);
      nextSequence = s.sequence + 1;
      nextPositionMs = positionMs + s.durationMs;
      stats.segmentsEmitted.incrementAndGet();
      emitted++;
    }
    return emitted;
  }

  private void failed(Throwable failure, long startedMs) {
    Throwable cause = FetchFailures.unwrap(failure);
    if (!FetchFailures.retryable(cause)) {
      done.completeExceptionally(cause);
      return;
    }
    if (failingSinceMs < 0) {
      failingSinceMs = startedMs;
    }
    long failingForMs = clock.millis() - failingSinceMs;
    if (failingForMs >= settings.giveUpAfterMs) {
      done.completeExceptionally(
          new IOException("the playlist " + url + " kept failing for " + failingForMs + " ms; last: " + cause.getMessage(), cause));
      return;
    }
    consecutiveFailures++;
    stats.retriedFailures.incrementAndGet();
    long capMs = targetDurationMs > 0 ? targetDurationMs : RETRY_CAP_WITHOUT_PLAYLIST_MS;
    long delayMs = Math.min(capMs, FIRST_RETRY_MS << Math.min(consecutiveFailures - 1, 20));
    listener.retrying(cause, delayMs);
    timer.schedule(this::load, delayMs);
  }

  /** Stops following; a load under way is dropped. Does not close the fetcher. */
  @Override
  public void close() {
    closed = true;
    timer.close();
    done.complete(null);
  }
}
