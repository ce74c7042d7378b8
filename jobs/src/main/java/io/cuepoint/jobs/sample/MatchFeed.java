package io.cuepoint.jobs.sample;

import static io.cuepoint.jobs.sample.MatchTimeline.MINUTE;
import static io.cuepoint.jobs.sample.MatchTimeline.SECOND;

import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.Team;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The match feed: the scripted events of {@link FinalScript} plus social posts (a few a minute,
 * bursts after goals, a surge of more than 60 a minute after the late goals), in event-time
 * order, with three events delivered twice as Kinesis' at-least-once delivery does.
 */
final class MatchFeed {
  private static final String[] PLATFORMS = {"x", "instagram", "tiktok", "threads"};
  private static final double[] PLATFORM_WEIGHTS = {0.45, 0.25, 0.2, 0.1};

  private static final String[] PRE = {
    "Final day! Who's watching? #Final2026", "Predicting 2-1 {TEAM} #Final2026",
    "Lakeside Arena is rocking already", "Pizza ordered, sofa ready #Final2026",
    "Nervous. So nervous. #Final2026"
  };
  private static final String[] PLAY = {
    "Come on {TEAM}!!", "{PLAYER} is everywhere tonight", "Ref, are you watching the same game?",
    "This midfield battle is brutal", "{SCORE} and it's tense #Final2026", "Need a goal here",
    "What a save!", "Offside all day", "{TEAM} look dangerous on the counter"
  };
  private static final String[] GOAL = {
    "GOAL!!! {PLAYER} {SCORE} #Final2026", "{PLAYER} you beauty!!! {SCORE}",
    "Get in!!! {TEAM} {SCORE}", "What a finish from {PLAYER}", "Unbelievable scenes {SCORE}",
    "I can't breathe {SCORE} #Final2026"
  };
  private static final String[] RED = {
    "RED CARD! {PLAYER} off", "Straight red, no complaints", "Down to ten men... {SCORE}",
    "That's a red all day"
  };
  private static final String[] BREAK = {
    "Half-time {SCORE}. Food time", "HT: {SCORE}. Thoughts?",
    "Need a better second half from {TEAM}", "Trivia at half-time, 8/10 #Final2026"
  };
  private static final String[] POST = {
    "FULL TIME {SCORE}!!! What a final #Final2026", "Three goals in ten minutes. Football.",
    "{TEAM} win the final!!! {SCORE}", "Heartbroken. {SCORE}", "Greatest final I've ever seen"
  };

  private MatchFeed() {}

  /** The feed lines in file order, duplicates included (the same object twice). */
  static List<MatchEvent> generate(String mediaId, FinalScript script, Rng rng) {
    List<MatchEvent> scripted = new ArrayList<>();
    int n = 0;
    for (FinalScript.Entry e : script.entries) {
      MatchEvent m = new MatchEvent();
      m.mediaId = mediaId;
      m.eventId = String.format(Locale.ROOT, "%s-ev-%03d", mediaId, ++n);
      m.type = e.type;
      m.eventTime = e.time;
      m.matchMinute = e.minute;
      m.team = e.team;
      m.score = e.score;
      m.attributes = e.attributes;
      scripted.add(m);
    }

    List<MatchEvent> social = socialPosts(mediaId, script, rng);
    social.sort(Comparator.comparingLong(m -> m.eventTime));
    for (int i = 0; i < social.size(); i++) {
      social.get(i).eventId = String.format(Locale.ROOT, "%s-sp-%05d", mediaId, i + 1);
    }

    List<MatchEvent> all = new ArrayList<>(scripted);
    all.addAll(social);
    all.sort(Comparator.comparingLong(m -> m.eventTime)); // stable: scripted first on a tie

    // At-least-once delivery: the levelling goal, a yellow card and a post of the surge again.
    List<MatchEvent> again = new ArrayList<>();
    again.add(scripted(scripted, MatchEventType.GOAL, 87));
    again.add(scripted(scripted, MatchEventType.YELLOW_CARD, 53));
    List<MatchEvent> surge = new ArrayList<>();
    long winner = script.goals().get(script.goals().size() - 1).time;
    for (MatchEvent m : social) {
      if (m.eventTime > winner && m.eventTime < winner + MINUTE) {
        surge.add(m);
      }
    }
    again.add(rng.pick(surge));
    for (MatchEvent original : again) {
      int at = all.indexOf(original);
      while (at + 1 < all.size() && all.get(at + 1).eventTime <= original.eventTime + 2 * SECOND) {
        at++;
      }
      all.add(at + 1, original);
    }
    return all;
  }

  private static MatchEvent scripted(List<MatchEvent> events, MatchEventType type, int minute) {
    for (MatchEvent m : events) {
      if (m.type == type && m.matchMinute == minute) {
        return m;
      }
    }
    throw new IllegalStateException("no " + type + " at " + minute);
  }

  private static List<MatchEvent> socialPosts(String mediaId, FinalScript script, Rng rng) {
    MatchTimeline tl = script.timeline;
    List<MatchEvent> posts = new ArrayList<>();
    // The steady chatter.
    double t = FinalScript.START + rng.exponential(20 * SECOND);
    while (t < FinalScript.MATCH_END) {
      long at = (long) t;
      MatchPhase phase = tl.phaseAt(at);
      String[] texts = phase == MatchPhase.PRE_MATCH ? PRE
          : phase == MatchPhase.HALF_TIME ? BREAK
          : phase == MatchPhase.FULL_TIME ? POST : PLAY;
      posts.add(post(mediaId, script, rng, at, texts, null, null));
      double perMinute = phase == MatchPhase.PRE_MATCH ? 2.0
          : phase == MatchPhase.HALF_TIME ? 4.0
          : phase == MatchPhase.FULL_TIME ? 5.0 : 3.0;
      t += rng.exponential(MINUTE / perMinute);
    }
    // Bursts after goals: larger the later the goal; the late goals set off a surge.
    for (FinalScript.Entry g : script.goals()) {
      int count;
      long spread;
      if (g.minute >= 85) {
        count = 70 + rng.nextInt(16);
        spread = 50 * SECOND;
      } else if (g.minute >= 80) {
        count = 34 + rng.nextInt(8);
        spread = 70 * SECOND;
      } else {
        count = 20 + rng.nextInt(9);
        spread = 80 * SECOND;
      }
      burst(posts, mediaId, script, rng, g.time, count, spread, GOAL, g.team, g.attribute("player"));
    }
    FinalScript.Entry red = script.lastRedCard(Long.MAX_VALUE);
    burst(posts, mediaId, script, rng, red.time, 12 + rng.nextInt(5), 70 * SECOND, RED, red.team,
        red.attribute("player"));
    burst(posts, mediaId, script, rng, tl.halfTime, 15, 90 * SECOND, BREAK, null, null);
    burst(posts, mediaId, script, rng, tl.fullTime, 40, 120 * SECOND, POST, null, null);
    return posts;
  }

  private static void burst(List<MatchEvent> posts, String mediaId, FinalScript script, Rng rng,
      long from, int count, long spread, String[] texts, Team team, String player) {
    for (int i = 0; i < count; i++) {
      double u = rng.unit();
      long at = from + 2 * SECOND + (long) (spread * u * u);
      // Most posts after a goal or a card side with the team it is about; some answer back.
      Team side = team == null ? null : rng.chance(0.75) ? team : other(team);
      String[] pool = side != null && side != team ? PLAY : texts;
      posts.add(post(mediaId, script, rng, at, pool, side, side == team ? player : null));
    }
  }

  private static MatchEvent post(String mediaId, FinalScript script, Rng rng, long at,
      String[] texts, Team side, String player) {
    MatchTimeline tl = script.timeline;
    if (side == null && rng.chance(0.6)) {
      side = rng.chance(0.55) ? Team.HOME : Team.AWAY;
    }
    Team about = side != null ? side : rng.chance(0.5) ? Team.HOME : Team.AWAY;
    if (player == null) {
      player = rng.pick(script.onPitch(about, at));
    }
    String text = rng.pick(texts)
        .replace("{TEAM}", about == Team.HOME ? FinalScript.HOME_NAME : FinalScript.AWAY_NAME)
        .replace("{PLAYER}", player)
        .replace("{SCORE}", tl.goals(Team.HOME, at) + "-" + tl.goals(Team.AWAY, at));
    MatchEvent m = new MatchEvent();
    m.mediaId = mediaId;
    m.type = MatchEventType.SOCIAL_POST;
    m.eventTime = at;
    m.matchMinute = tl.inPlay(at) ? tl.minuteAt(at) : null;
    m.team = side;
    m.attributes = StringMap.of(
        "platform", PLATFORMS[rng.weighted(PLATFORM_WEIGHTS)], "text", text);
    return m;
  }

  private static Team other(Team t) {
    return t == Team.HOME ? Team.AWAY : Team.HOME;
  }
}
