package io.cuepoint.operators.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cuepoint.schemas.records.StringMap;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class LocalRankerTest {
  private static final String HEADER = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,MATCH_PHASE,SCORE_DIFF,EVENT_OF_INTEREST";
  private static final Path SAMPLE = Path.of("..", "samples", "soccer-final", "interactions.csv");
  private static final String[] WIDGETS = {"w-bet", "w-chat", "w-food", "w-poll", "w-trivia", "w-stats", "w-shop"};

  @Test
  void theSameHistoryInAnyOrderGivesTheSameScores() throws IOException {
    List<String> lines = Files.readAllLines(SAMPLE);
    List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
    Collections.shuffle(rows, new Random(3));
    rows.add(0, lines.get(0));
    LocalRanker a = train(lines);
    LocalRanker b = train(rows);
    StringMap context = StringMap.of("MATCH_PHASE", "HALF_TIME", "SCORE_DIFF", "ONE", "EVENT_OF_INTEREST", "NONE");

    double[] first = a.scores("fan-00012", WIDGETS, context);
    assertThat(b.scores("fan-00012", WIDGETS, context)).containsExactly(first);
    assertThat(a.scores("fan-00012", WIDGETS, context)).containsExactly(first);
    assertThat(sum(first)).isCloseTo(1.0, within(1e-9));
    assertThat(a.interactions()).isEqualTo(lines.size() - 1 - count(lines, ",Dismiss,"));
    assertThat(a.contextColumns()).containsExactly("MATCH_PHASE", "SCORE_DIFF", "EVENT_OF_INTEREST");
  }

  @Test
  void itLearnsTheSamplesPreferencesByContext() throws IOException {
    LocalRanker r = train(Files.readAllLines(SAMPLE));
    // Food orders cluster at half time.
    assertThat(share(r, "w-food", StringMap.of("MATCH_PHASE", "HALF_TIME")))
        .isGreaterThan(share(r, "w-food", StringMap.of("MATCH_PHASE", "FIRST_HALF")));
    // Chat spikes after goals.
    assertThat(share(r, "w-chat", StringMap.of("MATCH_PHASE", "SECOND_HALF", "EVENT_OF_INTEREST", "GOAL_FLURRY")))
        .isGreaterThan(share(r, "w-chat", StringMap.of("MATCH_PHASE", "SECOND_HALF", "EVENT_OF_INTEREST", "NONE")));
  }

  @Test
  void smoothingRanksTheUnseenSensiblyAndTrustsEvidenceOverLuck() throws IOException {
    List<String> rows = new ArrayList<>(List.of(HEADER));
    // "lucky": shown once, taken once. "solid": shown 100 times, taken 60. "poor": 100 and 5.
    rows.add("fan,lucky,1,View,FIRST_HALF,LEVEL,NONE");
    rows.add("fan,lucky,2,Click,FIRST_HALF,LEVEL,NONE");
    for (int i = 0; i < 100; i++) {
      rows.add("u" + i + ",solid," + i + ",View,FIRST_HALF,LEVEL,NONE");
      rows.add("u" + i + ",poor," + i + ",View,FIRST_HALF,LEVEL,NONE");
      if (i < 60) {
        rows.add("u" + i + ",solid," + i + ",Click,FIRST_HALF,LEVEL,NONE");
      }
      if (i < 5) {
        rows.add("u" + i + ",poor," + i + ",Purchase,FIRST_HALF,LEVEL,NONE");
      }
    }
    LocalRanker r = train(rows);
    String[] items = {"lucky", "solid", "poor", "never-seen"};
    double[] s = r.scores("someone-new", items, StringMap.of("MATCH_PHASE", "FULL_TIME"));
    assertThat(s[1]).as("solid beats lucky").isGreaterThan(s[0]);
    assertThat(s[3]).as("an unseen item scores the overall rate, above a poor one").isGreaterThan(s[2]).isPositive();
    // A context value never seen for an item leaves its score where it was.
    assertThat(r.scores("x", items, StringMap.of("MATCH_PHASE", "FULL_TIME")))
        .containsExactly(r.scores("x", items, new StringMap()));
    // What one user did counts for that user.
    double[] fan = r.scores("fan", items, new StringMap());
    double[] other = r.scores("someone-new", items, new StringMap());
    assertThat(fan[0] / fan[2]).isGreaterThan(other[0] / other[2]);
  }

  @Test
  void anUntrainedRankerKeepsEveryItemEqual() {
    assertThat(LocalRanker.untrained().scores("u", WIDGETS, new StringMap()))
        .containsOnly(1.0 / WIDGETS.length);
  }

  @Test
  void aBrokenFileIsOneLineNamingWhere() {
    assertThatThrownBy(() -> train(List.of("USER_ID,TIMESTAMP,EVENT_TYPE", "u,1,View")))
        .hasMessage("line 1: the header has no ITEM_ID column");
    assertThatThrownBy(() -> train(List.of(HEADER, "u,i,1,View,A,B,C", "u,i,1,View")))
        .hasMessage("line 3: 4 fields, the header has 7");
    assertThatThrownBy(() -> train(List.of(HEADER, "u,\"i,1,View,A,B,C")))
        .hasMessage("line 2: a quoted field is not closed");
    assertThatThrownBy(() -> train(List.of())).hasMessageStartingWith("empty file");
  }

  @Test
  void quotedFieldsAreRead() throws IOException {
    LocalRanker r = train(List.of(HEADER, "\"u,1\",\"item \"\"a\"\"\",1,Click,FIRST_HALF,LEVEL,NONE"));
    double[] s = r.scores("u,1", new String[] {"item \"a\"", "b"}, new StringMap());
    assertThat(s[0]).isGreaterThan(s[1]);
  }

  @Test
  void scoresAreBitForBitTheFormulaOverRandomHistoriesAlsoAfterSerialization() throws Exception {
    String[] phases = {"FIRST_HALF", "HALF_TIME", "SECOND_HALF"};
    String[] moods = {"CALM", "TENSE"};
    String[] types = {"View", "View", "View", "Click", "Purchase", "Dismiss"};
    for (int seed = 0; seed < 20; seed++) {
      Random random = new Random(seed);
      List<String[]> history = new ArrayList<>();
      int n = 1 + random.nextInt(400);
      for (int i = 0; i < n; i++) {
        history.add(new String[] {
          "u" + random.nextInt(12),
          "i" + random.nextInt(8),
          types[random.nextInt(types.length)],
          random.nextInt(5) == 0 ? "" : phases[random.nextInt(phases.length)],
          random.nextInt(3) == 0 ? "" : moods[random.nextInt(moods.length)]
        });
      }
      List<String> lines = new ArrayList<>(List.of("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,PHASE,MOOD"));
      for (String[] h : history) {
        lines.add(h[0] + "," + h[1] + ",1," + h[2] + "," + h[3] + "," + h[4]);
      }
      LocalRanker trained = train(lines);
      LocalRanker shipped = roundTrip(trained);
      for (int q = 0; q < 20; q++) {
        String user = random.nextInt(6) == 0 ? null : "u" + random.nextInt(15);
        String[] items = new String[1 + random.nextInt(6)];
        for (int i = 0; i < items.length; i++) {
          items[i] = "i" + random.nextInt(10);
        }
        StringMap context = randomContext(random, phases, moods);
        double[] expected = referenceScores(history, user, items, context);
        assertThat(trained.scores(user, items, context)).containsExactly(expected);
        assertThat(shipped.scores(user, items, context)).containsExactly(expected);
      }
    }
  }

  private static StringMap randomContext(Random random, String[] phases, String[] moods) {
    switch (random.nextInt(4)) {
      case 0:
        return null;
      case 1:
        return new StringMap();
      case 2:
        return StringMap.of("PHASE", phases[random.nextInt(phases.length)], "OTHER", "X");
      default:
        return StringMap.of("PHASE", random.nextBoolean() ? "OVERTIME" : phases[random.nextInt(phases.length)],
            "MOOD", moods[random.nextInt(moods.length)]);
    }
  }

  /** The documented formula, counting straight from the history for every lookup. */
  private static double[] referenceScores(List<String[]> history, String user, String[] items, StringMap context) {
    String[] columns = {"PHASE", "MOOD"};
    long[] all = viewsTakes(history, h -> true);
    double global = (all[1] + 1.0) / (Math.max(all[0], all[1]) + 2.0);
    double[] s = new double[items.length];
    double sum = 0;
    for (int i = 0; i < items.length; i++) {
      String item = items[i];
      double itemRate = reference(viewsTakes(history, h -> h[1].equals(item)), global, LocalRanker.ITEM_PRIOR);
      double score = itemRate;
      for (int c = 0; c < columns.length; c++) {
        String value = context == null ? null : context.get(columns[c]);
        int column = 3 + c;
        if (value != null) {
          long[] vt = viewsTakes(history, h -> h[1].equals(item) && h[column].equals(value));
          score *= reference(vt, itemRate, LocalRanker.CONTEXT_PRIOR) / itemRate;
        }
      }
      if (user != null) {
        long[] vt = viewsTakes(history, h -> h[1].equals(item) && h[0].equals(user));
        score *= reference(vt, itemRate, LocalRanker.USER_PRIOR) / itemRate;
      }
      s[i] = score;
      sum += score;
    }
    for (int i = 0; i < items.length; i++) {
      s[i] = s[i] / sum;
    }
    return s;
  }

  /** Views and takes of the matching interactions, or null when none was counted. */
  private static long[] viewsTakes(List<String[]> history, Predicate<String[]> matches) {
    long views = 0;
    long takes = 0;
    boolean any = false;
    for (String[] h : history) {
      if (matches.test(h) && !h[2].equals("Dismiss")) {
        any = true;
        if (h[2].equals("View")) {
          views++;
        } else {
          takes++;
        }
      }
    }
    return any ? new long[] {views, takes} : null;
  }

  private static double reference(long[] viewsTakes, double prior, double weight) {
    if (viewsTakes == null) {
      return prior;
    }
    long views = Math.max(viewsTakes[0], viewsTakes[1]);
    return (viewsTakes[1] + weight * prior) / (views + weight);
  }

  private static LocalRanker roundTrip(LocalRanker ranker) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(ranker);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (LocalRanker) in.readObject();
    }
  }

  private static double share(LocalRanker r, String widget, StringMap context) {
    double[] s = r.scores("someone-new", WIDGETS, context);
    return s[List.of(WIDGETS).indexOf(widget)];
  }

  static LocalRanker train(List<String> lines) throws IOException {
    return LocalRankerTraining.fromCsv(new BufferedReader(new StringReader(String.join("\n", lines))));
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  private static long count(List<String> lines, String part) {
    return lines.stream().filter(l -> l.contains(part)).count();
  }
}
