package io.cuepoint.jobs.config;

import java.time.Duration;
import java.util.List;

/**
 * Every configuration property of Cuepoint, in one place. The README's configuration table lists
 * each of these (a test keeps them in step).
 */
public final class Settings {
  private Settings() {}

  public static final Setting<Integer> PARALLELISM =
      Setting.integer("Job", "parallelism", "2", 1, 1024, "Parallelism of the job's operators.");

  public static final Setting<Duration> OUT_OF_ORDERNESS =
      Setting.duration(
          "Watermarks",
          "out-of-orderness",
          "5s",
          "How far out of event-time order an input record may arrive. Later records go to"
              + " dead-letters. Events of interest wait this long for stragglers.");
  public static final Setting<Duration> IDLENESS =
      Setting.duration(
          "Watermarks",
          "idleness",
          "0",
          "An input silent this long (processing time) stops holding back event time; 0 turns"
              + " it off. Set it for live runs with quiet inputs; it makes replays depend on"
              + " timing.");

  public static final Setting<Duration> TIMELINE_WINDOW_SIZE =
      Setting.duration("Timeline", "window-size", "15s", "Length of a media-context window.");
  public static final Setting<Duration> TIMELINE_WINDOW_SLIDE =
      Setting.duration(
          "Timeline",
          "window-slide",
          "5s",
          "How often a media-context window starts; window-size must be a multiple of it.");
  public static final Setting<Double> TIMELINE_MIN_CONFIDENCE =
      Setting.decimal(
          "Timeline",
          "min-confidence",
          "50",
          0,
          100,
          "Items below this confidence (0-100) are left out of media-context.");
  public static final Setting<Duration> TIMELINE_IDLE_TIMEOUT =
      Setting.duration(
          "Timeline",
          "media-idle-timeout",
          "30min",
          "A media with no detections for this long (event time) has its timeline state cleared.");

  public static final Setting<Integer> GOAL_FLURRY_GOALS =
      Setting.integer(
          "EventsOfInterest",
          "goal-flurry.goals",
          "3",
          1,
          100,
          "Goals within goal-flurry.window that make a GOAL_FLURRY.");
  public static final Setting<Duration> GOAL_FLURRY_WINDOW =
      Setting.duration(
          "EventsOfInterest",
          "goal-flurry.window",
          "10min",
          "Trailing event-time window (inclusive) in which goals are counted.");
  public static final Setting<Integer> CLOSE_FINISH_MINUTE =
      Setting.integer(
          "EventsOfInterest",
          "close-finish.minute",
          "85",
          0,
          200,
          "From this match minute on, a level score raises CLOSE_FINISH (once per score).");
  public static final Setting<Duration> SOCIAL_SURGE_WINDOW =
      Setting.duration(
          "EventsOfInterest",
          "social-surge.window",
          "1min",
          "Recent window in which social posts are counted for SOCIAL_SURGE.");
  public static final Setting<Duration> SOCIAL_SURGE_BASELINE =
      Setting.duration(
          "EventsOfInterest",
          "social-surge.baseline",
          "10min",
          "Window before the recent one that gives the usual rate of posts.");
  public static final Setting<Double> SOCIAL_SURGE_FACTOR =
      Setting.decimal(
          "EventsOfInterest",
          "social-surge.factor",
          "3",
          1,
          1000,
          "The recent window must hold this many times the usual rate of posts.");
  public static final Setting<Integer> SOCIAL_SURGE_MIN_POSTS =
      Setting.integer(
          "EventsOfInterest",
          "social-surge.min-posts",
          "20",
          1,
          1_000_000,
          "And at least this many posts.");
  public static final Setting<Duration> SOCIAL_SURGE_COOLDOWN =
      Setting.duration(
          "EventsOfInterest",
          "social-surge.cooldown",
          "5min",
          "At most one SOCIAL_SURGE per media within this time.");
  public static final Setting<Duration> MATCH_IDLE_TIMEOUT =
      Setting.duration(
          "EventsOfInterest",
          "media-idle-timeout",
          "1h",
          "A media with no match events for this long (event time) has its match state cleared.");

  public static final List<Setting<?>> ALL =
      List.of(
          PARALLELISM,
          OUT_OF_ORDERNESS,
          IDLENESS,
          TIMELINE_WINDOW_SIZE,
          TIMELINE_WINDOW_SLIDE,
          TIMELINE_MIN_CONFIDENCE,
          TIMELINE_IDLE_TIMEOUT,
          GOAL_FLURRY_GOALS,
          GOAL_FLURRY_WINDOW,
          CLOSE_FINISH_MINUTE,
          SOCIAL_SURGE_WINDOW,
          SOCIAL_SURGE_BASELINE,
          SOCIAL_SURGE_FACTOR,
          SOCIAL_SURGE_MIN_POSTS,
          SOCIAL_SURGE_COOLDOWN,
          MATCH_IDLE_TIMEOUT);
}
