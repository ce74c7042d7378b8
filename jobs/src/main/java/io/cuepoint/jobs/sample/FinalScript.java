package io.cuepoint.jobs.sample;

import static io.cuepoint.jobs.sample.MatchTimeline.MINUTE;
import static io.cuepoint.jobs.sample.MatchTimeline.SECOND;

import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.Score;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The recorded final: fixed teams, players and a fixed script of minutes (see samples/README.md);
 * only the second within each minute depends on the seed.
 */
final class FinalScript {
  /** 2026-05-30T19:00:00Z: both streams start here (position 0). */
  static final long START = Instant.parse("2026-05-30T19:00:00Z").toEpochMilli();

  static final long KICK_OFF_1 = START + 2 * MINUTE;
  /** 45+2: the whistle at 46:40 on the clock. */
  static final long HALF_TIME = KICK_OFF_1 + 46 * MINUTE + 40 * SECOND;
  /** The break is shortened to about five minutes to keep the recording small. */
  static final long KICK_OFF_2 = START + 54 * MINUTE;
  /** 90+4: the whistle at 93:30 on the clock. */
  static final long FULL_TIME = KICK_OFF_2 + 48 * MINUTE + 30 * SECOND;
  /** End of the match stream (position 105 minutes). */
  static final long MATCH_END = START + 105 * MINUTE;
  /** End of the studio show (position 20 minutes). */
  static final long STUDIO_END = START + 20 * MINUTE;

  static final String HOME_NAME = "Harbour City FC";
  static final String AWAY_NAME = "Atletico Sierra";
  static final String COMPETITION = "Continental Cup Final 2026";
  static final String VENUE = "Lakeside Arena";
  static final String HOME_COACH = "Marta Keane";
  static final String AWAY_COACH = "Javier Olmos";
  static final String[] PUNDITS = {"Dana Whitfield", "Marcus Oyelaran"};

  static final String[] HOME_STARTERS = {
    "Oliver Nakamura", "Jonas Brandt", "Samir Haddad", "Felix Hartmann", "Aaron Mensah",
    "Idris Okafor", "Noah Becker", "Mateo Lindqvist", "Leo Duarte", "Luca Moretti", "Callum Reyes"
  };
  static final String[] AWAY_STARTERS = {
    "Nico Arancibia", "Pablo Serrano", "Alvaro Ibanez", "Ivan Petrov", "Joao Almeida",
    "Rafael Quintero", "Marco Ventura", "Santi Robles", "Lucas Ferraz", "Thiago Moura",
    "Diego Salvatierra"
  };

  /** One scripted event of the match feed (social posts are not scripted). */
  static final class Entry {
    final MatchEventType type;
    final Team team;
    final int minute;
    final long time;
    final Score score;
    final StringMap attributes;
    final String playerOff;
    final String playerOn;

    Entry(
        MatchEventType type,
        Team team,
        int minute,
        long time,
        Score score,
        StringMap attributes,
        String playerOff,
        String playerOn) {
      this.type = type;
      this.team = team;
      this.minute = minute;
      this.time = time;
      this.score = score;
      this.attributes = attributes;
      this.playerOff = playerOff;
      this.playerOn = playerOn;
    }

    String attribute(String key) {
      return attributes == null ? null : attributes.get(key);
    }
  }

  final List<Entry> entries;
  final MatchTimeline timeline;
  private final Rng rng;
  private final List<Entry> building = new ArrayList<>();
  private int home;
  private int away;

  FinalScript(Rng rng) {
    this.rng = rng;
    kickOff(KICK_OFF_1, 0, Team.HOME,
        "awayTeam", AWAY_NAME, "competition", COMPETITION, "half", "1", "homeTeam", HOME_NAME,
        "venue", VENUE);
    play(1, 9, MatchEventType.YELLOW_CARD, Team.AWAY, "player", "Pablo Serrano", "reason", "Late tackle");
    goal(1, 23, Team.HOME, "Callum Reyes", "Mateo Lindqvist", "Right-footed shot from the edge of the box");
    play(1, 29, MatchEventType.INJURY, Team.HOME, "player", "Jonas Brandt", "injury", "Hamstring");
    sub(time(1, 31), 31, Team.HOME, "Jonas Brandt", "Ruben Castillo");
    play(1, 38, MatchEventType.YELLOW_CARD, Team.HOME, "player", "Idris Okafor", "reason", "Tactical foul");
    whistle(MatchEventType.HALF_TIME, HALF_TIME, 47);
    sub(KICK_OFF_2 - 40 * SECOND, 45, Team.AWAY, "Rafael Quintero", "Hugo Delgado");
    kickOff(KICK_OFF_2, 45, Team.AWAY, "half", "2");
    play(2, 53, MatchEventType.YELLOW_CARD, Team.AWAY, "player", "Alvaro Ibanez", "reason", "Holding");
    sub(time(2, 61), 61, Team.HOME, "Luca Moretti", "Kwame Asante");
    play(2, 66, MatchEventType.YELLOW_CARD, Team.HOME, "player", "Samir Haddad", "reason", "Dissent");
    goal(2, 71, Team.AWAY, "Diego Salvatierra", "Marco Ventura", "Low shot into the far corner");
    play(2, 74, MatchEventType.RED_CARD, Team.AWAY, "player", "Pablo Serrano",
        "reason", "Denying an obvious goal-scoring opportunity");
    sub(time(2, 76), 76, Team.AWAY, "Thiago Moura", "Bruno Salas");
    sub(time(2, 79), 79, Team.HOME, "Noah Becker", "Ethan Walsh");
    goal(2, 82, Team.AWAY, "Marco Ventura", null, "Direct free kick");
    sub(time(2, 84), 84, Team.AWAY, "Diego Salvatierra", "Emil Sorensen");
    goal(2, 87, Team.HOME, "Kwame Asante", "Ethan Walsh", "Volley from the penalty spot");
    play(2, 89, MatchEventType.YELLOW_CARD, Team.AWAY, "player", "Hugo Delgado", "reason", "Dissent");
    goal(2, 91, Team.HOME, "Callum Reyes", "Mateo Lindqvist", "Header from a corner");
    play(2, 93, MatchEventType.YELLOW_CARD, Team.HOME, "player", "Ruben Castillo", "reason", "Time-wasting");
    whistle(MatchEventType.FULL_TIME, FULL_TIME, 94);
    this.entries = Collections.unmodifiableList(new ArrayList<>(building));

    List<Long> goalTimes = new ArrayList<>();
    List<Team> goalTeams = new ArrayList<>();
    List<Long> reds = new ArrayList<>();
    for (Entry e : entries) {
      if (e.type == MatchEventType.GOAL) {
        goalTimes.add(e.time);
        goalTeams.add(e.team);
      } else if (e.type == MatchEventType.RED_CARD) {
        reds.add(e.time);
      }
    }
    this.timeline =
        new MatchTimeline(KICK_OFF_1, HALF_TIME, KICK_OFF_2, FULL_TIME, toArray(goalTimes),
            goalTeams.toArray(new Team[0]), toArray(reds));
  }

  List<Entry> goals() {
    List<Entry> goals = new ArrayList<>();
    for (Entry e : entries) {
      if (e.type == MatchEventType.GOAL) {
        goals.add(e);
      }
    }
    return goals;
  }

  /** The latest goal at or before t, or null. */
  Entry lastGoal(long t) {
    Entry last = null;
    for (Entry e : entries) {
      if (e.type == MatchEventType.GOAL && e.time <= t) {
        last = e;
      }
    }
    return last;
  }

  /** The latest red card at or before t, or null. */
  Entry lastRedCard(long t) {
    Entry last = null;
    for (Entry e : entries) {
      if (e.type == MatchEventType.RED_CARD && e.time <= t) {
        last = e;
      }
    }
    return last;
  }

  /** Named players of a team on the pitch at t. */
  List<String> onPitch(Team team, long t) {
    List<String> players =
        new ArrayList<>(Arrays.asList(team == Team.HOME ? HOME_STARTERS : AWAY_STARTERS));
    for (Entry e : entries) {
      if (e.time > t || e.team != team) {
        continue;
      }
      if (e.type == MatchEventType.SUBSTITUTION) {
        players.remove(e.playerOff);
        players.add(e.playerOn);
      } else if (e.type == MatchEventType.RED_CARD) {
        players.remove(e.attribute("player"));
      }
    }
    return players;
  }

  /** The minute as shown: 23', 45+2', 90+1'. */
  static String display(int half, int minute) {
    if (half == 1 && minute > 45) {
      return "45+" + (minute - 45) + "'";
    }
    if (half == 2 && minute > 90) {
      return "90+" + (minute - 90) + "'";
    }
    return minute + "'";
  }

  /** A moment inside the given shown minute of a half. */
  private long time(int half, int minute) {
    long base = half == 1 ? KICK_OFF_1 + (minute - 1) * MINUTE : KICK_OFF_2 + (minute - 46) * MINUTE;
    return base + rng.between(4, 55) * SECOND + rng.nextInt(1000);
  }

  private void kickOff(long time, int minute, Team team, String... attributes) {
    add(MatchEventType.KICK_OFF, team, minute, time, null, with(attributes, "display", minute + "'"),
        null, null);
  }

  private void whistle(MatchEventType type, long time, int minute) {
    int half = type == MatchEventType.HALF_TIME ? 1 : 2;
    add(type, null, minute, time, score(), StringMap.of("display", display(half, minute)), null, null);
  }

  private void play(int half, int minute, MatchEventType type, Team team, String... attributes) {
    add(type, team, minute, time(half, minute), null,
        with(attributes, "display", display(half, minute)), null, null);
  }

  private void goal(int half, int minute, Team team, String player, String assist, String method) {
    if (team == Team.HOME) {
      home++;
    } else {
      away++;
    }
    List<String> kv = new ArrayList<>(Arrays.asList(
        "display", display(half, minute), "method", method, "player", player,
        "teamName", team == Team.HOME ? HOME_NAME : AWAY_NAME));
    if (assist != null) {
      kv.add("assist");
      kv.add(assist);
    }
    add(MatchEventType.GOAL, team, minute, time(half, minute), score(),
        StringMap.of(kv.toArray(new String[0])), null, null);
  }

  private void sub(long time, int minute, Team team, String off, String on) {
    int half = time < HALF_TIME ? 1 : 2;
    add(MatchEventType.SUBSTITUTION, team, minute, time, null,
        StringMap.of("display", display(half, minute), "playerOff", off, "playerOn", on), off, on);
  }

  private void add(
      MatchEventType type,
      Team team,
      int minute,
      long time,
      Score score,
      StringMap attributes,
      String off,
      String on) {
    if (!building.isEmpty() && building.get(building.size() - 1).time >= time) {
      throw new IllegalStateException("script out of order at minute " + minute);
    }
    building.add(new Entry(type, team, minute, time, score, attributes, off, on));
  }

  private Score score() {
    Score s = new Score();
    s.home = home;
    s.away = away;
    return s;
  }

  private static StringMap with(String[] keyValues, String key, String value) {
    String[] all = Arrays.copyOf(keyValues, keyValues.length + 2);
    all[keyValues.length] = key;
    all[keyValues.length + 1] = value;
    return StringMap.of(all);
  }

  private static long[] toArray(List<Long> values) {
    long[] a = new long[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    return a;
  }
}
