package io.cuepoint.jobs.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.codec.RecordValidation;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.Interaction;
import io.cuepoint.schemas.records.ItemKind;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.ViewerEvent;
import io.cuepoint.schemas.records.ViewerEventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
  private static final long SEED = SampleGenerator.DEFAULT_SEED;
  private static final long START = SampleGenerator.STREAM_START;
  private static final String MATCH = SampleGenerator.MATCH_MEDIA;
  private static final String STUDIO = SampleGenerator.STUDIO_MEDIA;
  private static final List<String> FILES = Arrays.asList(
      SampleGenerator.SEGMENTS, SampleGenerator.DETECTIONS, SampleGenerator.MATCH_EVENTS,
      SampleGenerator.VIEWER_EVENTS, SampleGenerator.PRODUCTS, SampleGenerator.WIDGETS,
      SampleGenerator.INTERACTIONS);

  @TempDir static Path temp;
  private static Path sample;
  private static SampleGenerator.Summary summary;
  private static List<Segment> segments;
  private static List<Detection> detections;
  private static List<MatchEvent> matchEvents;
  private static List<ViewerEvent> viewerEvents;

  @BeforeAll
  static void generateOnce() throws Exception {
    sample = temp.resolve("sample");
    summary = SampleGenerator.generate(sample, SEED, 1.0);
    segments = read(sample, SampleGenerator.SEGMENTS, Segment.class);
    detections = read(sample, SampleGenerator.DETECTIONS, Detection.class);
    matchEvents = read(sample, SampleGenerator.MATCH_EVENTS, MatchEvent.class);
    viewerEvents = read(sample, SampleGenerator.VIEWER_EVENTS, ViewerEvent.class);
  }

  // --- determinism -------------------------------------------------------------------------

  @Test
  void sameSeedGivesByteIdenticalFiles(@TempDir Path again) throws Exception {
    SampleGenerator.generate(again, SEED, 1.0);
    for (String f : FILES) {
      assertThat(Files.readAllBytes(again.resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(sample.resolve(f)));
    }
  }

  @Test
  void differentSeedGivesADifferentRecording(@TempDir Path other) throws Exception {
    SampleGenerator.generate(other, SEED + 1, 1.0);
    for (String f : Arrays.asList(SampleGenerator.DETECTIONS, SampleGenerator.MATCH_EVENTS,
        SampleGenerator.VIEWER_EVENTS, SampleGenerator.INTERACTIONS)) {
      assertThat(Files.readAllBytes(other.resolve(f))).as(f)
          .isNotEqualTo(Files.readAllBytes(sample.resolve(f)));
    }
    // The script is fixed: the same goals in the same minutes, only the seconds move.
    List<MatchEvent> otherEvents = read(other, SampleGenerator.MATCH_EVENTS, MatchEvent.class);
    assertThat(minutesOf(otherEvents, MatchEventType.GOAL))
        .isEqualTo(minutesOf(matchEvents, MatchEventType.GOAL));
  }

  @Test
  void committedSampleIsWhatTheGeneratorWritesForItsSeed() throws Exception {
    Path committed = findCommittedSample();
    for (String f : FILES) {
      assertThat(committed.resolve(f)).as(f + " is committed").exists();
      assertThat(Files.readAllBytes(committed.resolve(f)))
          .as(f + " differs from the generator's output for seed " + SEED
              + ": regenerate with generate-sample --out samples/soccer-final --seed " + SEED)
          .isEqualTo(Files.readAllBytes(sample.resolve(f)));
    }
  }

  @Test
  void scaleTwoDoublesTheViewersAndTheDetectionRate(@TempDir Path bigger) throws Exception {
    SampleGenerator.Summary two = SampleGenerator.generate(bigger, SEED, 2.0);
    List<ViewerEvent> events = read(bigger, SampleGenerator.VIEWER_EVENTS, ViewerEvent.class);
    assertThat(joins(events, MATCH)).hasSize(2 * joins(viewerEvents, MATCH).size()).hasSize(600);
    assertThat(joins(events, STUDIO)).hasSize(2 * joins(viewerEvents, STUDIO).size()).hasSize(80);
    assertThat(two.matchViewers).isEqualTo(600);
    assertThat((double) two.detections / summary.detections).isBetween(1.8, 2.2);
    assertThat(two.segments).isEqualTo(summary.segments);
    // The first 300 viewers behave exactly as they do at scale 1.
    List<ViewerEvent> first = new ArrayList<>();
    for (ViewerEvent e : events) {
      if (e.mediaId.equals(MATCH) && e.viewerId.compareTo("fan-00300") <= 0) {
        first.add(e);
      }
    }
    List<ViewerEvent> atOne = new ArrayList<>();
    for (ViewerEvent e : viewerEvents) {
      if (e.mediaId.equals(MATCH)) {
        atOne.add(e);
      }
    }
    assertThat(first).isEqualTo(atOne);
  }

  @Test
  void rejectsAScaleOutOfRange(@TempDir Path dir) {
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1000.5}) {
      assertThatThrownBy(() -> SampleGenerator.generate(dir, SEED, bad))
          .as("scale " + bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void staysUnderThreeMegabytesAtScaleOne() throws Exception {
    long total = 0;
    for (String f : FILES) {
      total += Files.size(sample.resolve(f));
    }
    assertThat(total).isLessThan(3_000_000L);
  }

  @Test
  void summaryCountsWhatWasWritten() throws Exception {
    assertThat(summary.perFile().keySet()).containsExactlyElementsOf(FILES);
    assertThat(summary.segments).isEqualTo(segments.size());
    assertThat(summary.detections).isEqualTo(detections.size());
    assertThat(summary.matchEvents).isEqualTo(matchEvents.size());
    assertThat(summary.viewerEvents).isEqualTo(viewerEvents.size());
    assertThat(summary.interactions)
        .isEqualTo(lines(sample, SampleGenerator.INTERACTIONS).size() - 1);
    assertThat(summary.products).isEqualTo(30);
    assertThat(summary.widgets).isEqualTo(7);
    assertThat(summary.toString()).contains("detections.jsonl").contains("300 on final-2026");
  }

  // --- every record is valid ------------------------------------------------------------------

  @Test
  void everyInputLineDecodesValidatesAndIsInCanonicalForm() throws Exception {
    checkLines(SampleGenerator.SEGMENTS, Segment.class);
    checkLines(SampleGenerator.DETECTIONS, Detection.class);
    checkLines(SampleGenerator.MATCH_EVENTS, MatchEvent.class);
    checkLines(SampleGenerator.VIEWER_EVENTS, ViewerEvent.class);
  }

  private static <T> void checkLines(String file, Class<T> type) throws Exception {
    byte[] bytes = Files.readAllBytes(sample.resolve(file));
    assertThat(bytes[bytes.length - 1]).as(file + " ends with a newline").isEqualTo((byte) '\n');
    assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\r");
    for (String line : lines(sample, file)) {
      T record = RecordCodec.decode(line, type);
      RecordValidation.validate(record);
      assertThat(RecordCodec.encode(record)).as(file).isEqualTo(line);
    }
  }

  // --- segments -----------------------------------------------------------------------------

  @Test
  void segmentsAreSixSecondsLongAndPositionedFromTheStreamStart() {
    Map<String, List<Segment>> byMedia = new TreeMap<>();
    long previous = Long.MIN_VALUE;
    for (Segment s : segments) {
      byMedia.computeIfAbsent(s.mediaId, k -> new ArrayList<>()).add(s);
      assertThat(s.eventTime).isGreaterThanOrEqualTo(previous);
      previous = s.eventTime;
      assertThat(s.durationMs).isEqualTo(6000L);
      assertThat(s.positionMs).isEqualTo(s.eventTime - START);
      assertThat(s.segmentUrl)
          .isEqualTo("https://cdn.example.com/" + s.mediaId + "/seg" + s.sequence + ".ts");
    }
    assertThat(byMedia.keySet()).containsExactly(MATCH, STUDIO);
    assertThat(byMedia.get(MATCH)).hasSize(1050); // 105 minutes
    assertThat(byMedia.get(STUDIO)).hasSize(200); // 20 minutes
    for (List<Segment> list : byMedia.values()) {
      for (int i = 0; i < list.size(); i++) {
        assertThat(list.get(i).sequence).isEqualTo(i);
        assertThat(list.get(i).positionMs).isEqualTo(i * 6000L);
      }
    }
    assertThat(byMedia.get(MATCH).get(0).channelArn)
        .isNotEqualTo(byMedia.get(STUDIO).get(0).channelArn);
  }

  // --- detections ---------------------------------------------------------------------------

  @Test
  void detectionsAreInOrderButForAFewLateFramesAtMostThreeSecondsLate() {
    long max = 0;
    long previous = 0;
    int late = 0;
    for (Detection d : detections) {
      assertThat(d.positionMs).isEqualTo(d.eventTime - START);
      assertThat(d.eventTime).isGreaterThanOrEqualTo(max - 3000);
      if (d.eventTime < previous) {
        late++;
      }
      previous = d.eventTime;
      max = Math.max(max, d.eventTime);
    }
    assertThat((double) late / detections.size()).isBetween(0.008, 0.04);
    assertThat(first(detections).eventTime).isEqualTo(START);
  }

  @Test
  void detectionItemsLookLikeRekognitionAndSrtCues() {
    Set<String> celebrities = new TreeSet<>();
    int rekognitionMatch = 0;
    int rekognitionStudio = 0;
    int srt = 0;
    for (Detection d : detections) {
      if (d.source.equals("rekognition")) {
        assertThat(d.items.length).isBetween(5, 12);
        if (d.mediaId.equals(MATCH)) {
          rekognitionMatch++;
        } else {
          rekognitionStudio++;
        }
        for (DetectionItem i : d.items) {
          assertThat(i.confidence).isBetween(40.0, 100.0);
          if (i.kind == ItemKind.CELEBRITY) {
            celebrities.add(i.name);
          }
        }
      } else {
        assertThat(d.source).isEqualTo("srt");
        assertThat(d.mediaId).isEqualTo(STUDIO);
        assertThat(d.items).isNotEmpty().allMatch(i -> i.kind == ItemKind.PRODUCT);
        srt++;
      }
    }
    // One record every 4 s: 105 minutes of match, 20 of studio show.
    assertThat(rekognitionMatch).isEqualTo(105 * 15);
    assertThat(rekognitionStudio).isEqualTo(20 * 15);
    assertThat(srt).isGreaterThan(50);
    assertThat(celebrities).contains("Callum Reyes", "Kwame Asante", "Priya Lawson");
    long withBox = detections.stream().flatMap(d -> Arrays.stream(d.items))
        .filter(i -> i.box != null).count();
    assertThat(withBox).isGreaterThan(1000);
  }

  @Test
  void productsAndMappedLabelsComeAndGoInRuns() throws Exception {
    Set<String> productIds = new HashSet<>();
    Set<String> catalogLabels = new HashSet<>();
    for (JsonNode p : json(SampleGenerator.PRODUCTS).get("products")) {
      productIds.add(p.get("productId").asText());
      for (JsonNode l : p.get("labels")) {
        catalogLabels.add(l.asText());
      }
    }
    for (String media : Arrays.asList(MATCH, STUDIO)) {
      List<long[]> runs = runs(media, ItemKind.PRODUCT, productIds);
      assertThat(runs).as(media).hasSizeGreaterThanOrEqualTo(10);
      for (long[] r : runs) {
        assertThat(r[1] - r[0]).as(media + " product on screen").isBetween(14_000L, 90_000L);
      }
    }
    List<long[]> labelRuns = runs(MATCH, ItemKind.LABEL, catalogLabels);
    assertThat(labelRuns).hasSizeGreaterThanOrEqualTo(10);
    Set<String> mapped = new TreeSet<>();
    for (Detection d : detections) {
      for (DetectionItem i : d.items) {
        if (i.kind == ItemKind.PRODUCT) {
          assertThat(productIds).contains(i.name);
        }
        if (i.kind == ItemKind.LABEL && catalogLabels.contains(i.name)) {
          mapped.add(i.name);
        }
      }
    }
    assertThat(mapped).hasSizeGreaterThanOrEqualTo(8).contains("Sneaker", "Soccer Ball");
  }

  /** {first, last} event time of each run of an item in a media (gaps up to 12 s are one run). */
  private static List<long[]> runs(String media, ItemKind kind, Set<String> names) {
    Map<String, List<long[]>> byName = new TreeMap<>();
    for (Detection d : detections) {
      if (!d.mediaId.equals(media)) {
        continue;
      }
      for (DetectionItem i : d.items) {
        if (i.kind != kind || !names.contains(i.name)) {
          continue;
        }
        List<long[]> list = byName.computeIfAbsent(i.name, k -> new ArrayList<>());
        long[] last = list.isEmpty() ? null : list.get(list.size() - 1);
        if (last != null && d.eventTime - last[1] <= 12_000) {
          last[1] = Math.max(last[1], d.eventTime);
        } else {
          list.add(new long[] {d.eventTime, d.eventTime});
        }
      }
    }
    List<long[]> all = new ArrayList<>();
    byName.values().forEach(all::addAll);
    return all;
  }

  // --- the match ----------------------------------------------------------------------------

  @Test
  void matchFollowsTheScript() {
    List<MatchEvent> scripted = new ArrayList<>();
    for (MatchEvent e : unique(matchEvents)) {
      assertThat(e.mediaId).isEqualTo(MATCH);
      if (e.type != MatchEventType.SOCIAL_POST) {
        scripted.add(e);
      }
    }
    assertThat(minutesOf(scripted, MatchEventType.KICK_OFF)).containsExactly(0, 45);
    assertThat(minutesOf(scripted, MatchEventType.HALF_TIME)).containsExactly(47);
    assertThat(minutesOf(scripted, MatchEventType.FULL_TIME)).containsExactly(94);
    assertThat(minutesOf(scripted, MatchEventType.GOAL)).containsExactly(23, 71, 82, 87, 91);
    assertThat(minutesOf(scripted, MatchEventType.YELLOW_CARD)).hasSizeGreaterThanOrEqualTo(4);
    assertThat(minutesOf(scripted, MatchEventType.SUBSTITUTION)).hasSizeGreaterThanOrEqualTo(4);
    assertThat(minutesOf(scripted, MatchEventType.INJURY)).hasSize(1);
    assertThat(first(scripted).eventTime).isEqualTo(START + 2 * 60_000);
    int home = 0;
    int away = 0;
    for (MatchEvent e : scripted) {
      if (e.type == MatchEventType.GOAL) {
        if (e.team == io.cuepoint.schemas.records.Team.HOME) {
          home++;
        } else {
          away++;
        }
        assertThat(e.score.home).isEqualTo(home);
        assertThat(e.score.away).isEqualTo(away);
        assertThat(e.attributes.get("player")).isNotBlank();
      }
      if (e.type == MatchEventType.FULL_TIME) {
        assertThat(e.score.home).isEqualTo(3);
        assertThat(e.score.away).isEqualTo(2);
      }
    }
  }

  @Test
  void lateFlurryOfThreeGoalsInTenMinutesWithALevellerAfter85() {
    List<MatchEvent> goals = ofType(unique(matchEvents), MatchEventType.GOAL);
    boolean flurry = false;
    for (int i = 0; i + 2 < goals.size(); i++) {
      MatchEvent a = goals.get(i);
      MatchEvent c = goals.get(i + 2);
      if (a.matchMinute >= 80 && c.matchMinute <= 92 && c.eventTime - a.eventTime <= 600_000) {
        flurry = true;
      }
    }
    assertThat(flurry).isTrue();
    assertThat(goals).anyMatch(g -> g.matchMinute >= 85 && g.score.home.equals(g.score.away));
  }

  @Test
  void oneRedCard() {
    List<MatchEvent> reds = ofType(unique(matchEvents), MatchEventType.RED_CARD);
    assertThat(reds).hasSize(1);
    assertThat(reds.get(0).matchMinute).isEqualTo(74);
    assertThat(reds.get(0).attributes.get("player")).isEqualTo("Pablo Serrano");
  }

  @Test
  void socialPostsSurgeAfterTheLateGoalsAndNowhereElse() {
    List<MatchEvent> posts = ofType(unique(matchEvents), MatchEventType.SOCIAL_POST);
    long firstLateGoal = ofType(matchEvents, MatchEventType.GOAL).stream()
        .filter(g -> g.matchMinute >= 80).findFirst().get().eventTime;
    int maxBefore = 0;
    int maxAfter = 0;
    for (int i = 0; i < posts.size(); i++) {
      int inMinute = 0;
      for (int j = i; j < posts.size() && posts.get(j).eventTime < posts.get(i).eventTime + 60_000; j++) {
        inMinute++;
      }
      if (posts.get(i).eventTime < firstLateGoal - 60_000) {
        maxBefore = Math.max(maxBefore, inMinute);
      } else if (posts.get(i).eventTime >= firstLateGoal) {
        maxAfter = Math.max(maxAfter, inMinute);
      }
    }
    assertThat(maxAfter).isGreaterThanOrEqualTo(60);
    assertThat(maxBefore).isLessThan(45);
    // A few a minute over the whole stream.
    assertThat(posts.size()).isBetween(400, 900);
  }

  @Test
  void aFewEventsAreDeliveredTwiceAsExactDuplicates() throws Exception {
    List<String> lines = lines(sample, SampleGenerator.MATCH_EVENTS);
    Map<String, List<String>> byId = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      byId.computeIfAbsent(matchEvents.get(i).eventId, k -> new ArrayList<>()).add(lines.get(i));
    }
    int duplicated = 0;
    for (List<String> same : byId.values()) {
      assertThat(same.size()).isBetween(1, 2);
      if (same.size() == 2) {
        duplicated++;
        assertThat(same.get(1)).isEqualTo(same.get(0));
      }
    }
    assertThat(duplicated).isBetween(2, 3);
    assertThat(byId.keySet().stream().filter(id -> id.contains("-ev-")).count()).isEqualTo(23);
    // In order, but for the re-deliveries, which come at most 2 s after their first delivery.
    long max = 0;
    Set<String> seen = new HashSet<>();
    for (MatchEvent e : matchEvents) {
      if (!seen.add(e.eventId)) {
        assertThat(e.eventTime).isGreaterThanOrEqualTo(max - 2000);
      } else {
        assertThat(e.eventTime).isGreaterThanOrEqualTo(max);
        max = e.eventTime;
      }
    }
  }

  // --- viewers ------------------------------------------------------------------------------

  @Test
  void viewersJoinOnceWithAConsistentProfile() {
    Map<String, int[]> bands = new TreeMap<>();
    Set<String> countries = new TreeSet<>();
    int noAge = 0;
    for (ViewerEvent j : joins(viewerEvents, null)) {
      if (j.profile.get("ageBand") == null) {
        noAge++;
        assertThat(j.profile.get("age")).isNull();
      } else {
        String band = j.profile.get("ageBand");
        int age = Integer.parseInt(j.profile.get("age"));
        int[] range = band.equals("55+") ? new int[] {55, 120}
            : Arrays.stream(band.split("-")).mapToInt(Integer::parseInt).toArray();
        assertThat(age).isBetween(range[0], range[1]);
        bands.computeIfAbsent(band, k -> new int[1])[0]++;
      }
      assertThat(j.profile.get("favouriteTeam")).isIn("HOME", "AWAY", "NONE");
      assertThat(j.profile.get("device")).isNotBlank();
      countries.add(j.profile.get("country"));
    }
    assertThat(bands.keySet()).containsExactly("13-17", "18-24", "25-34", "35-44", "45-54", "55+");
    assertThat(noAge).isGreaterThan(0);
    assertThat(countries).contains("GB", "US", "DE", "FR", "ES", "BR");
    assertThat(joins(viewerEvents, MATCH)).hasSize(300);
    assertThat(joins(viewerEvents, STUDIO)).hasSize(40);
    for (List<ViewerEvent> events : byViewer().values()) {
      assertThat(events.get(0).type).isEqualTo(ViewerEventType.JOIN);
      assertThat(events.stream().filter(e -> e.type == ViewerEventType.JOIN)).hasSize(1);
      assertThat(events.subList(1, events.size())).allMatch(e -> e.profile == null);
    }
  }

  @Test
  void viewersHeartbeatEveryTwoMinutesAndMostLeaveBeforeTheEnd() {
    long fullTime = ofType(matchEvents, MatchEventType.FULL_TIME).get(0).eventTime;
    int leftEarly = 0;
    int neverLeft = 0;
    int matchViewers = 0;
    long previous = Long.MIN_VALUE;
    for (ViewerEvent e : viewerEvents) {
      assertThat(e.eventTime).isGreaterThanOrEqualTo(previous);
      previous = e.eventTime;
    }
    for (List<ViewerEvent> events : byViewer().values()) {
      ViewerEvent join = events.get(0);
      long latency = join.eventTime - START - join.positionMs;
      assertThat(latency).isBetween(1500L, 5000L);
      long beat = join.eventTime;
      for (ViewerEvent e : events) {
        assertThat(e.eventTime - START - e.positionMs).as("constant latency").isEqualTo(latency);
        if (e.type == ViewerEventType.HEARTBEAT) {
          assertThat(e.eventTime - beat).isEqualTo(120_000L);
          beat = e.eventTime;
        }
      }
      ViewerEvent last = events.get(events.size() - 1);
      assertThat(events.stream().filter(e -> e.type == ViewerEventType.LEAVE).count())
          .isLessThanOrEqualTo(1);
      if (join.mediaId.equals(MATCH)) {
        matchViewers++;
        if (last.type == ViewerEventType.LEAVE && last.eventTime < fullTime) {
          leftEarly++;
        }
      }
      if (last.type != ViewerEventType.LEAVE) {
        neverLeft++;
      }
    }
    assertThat(leftEarly).isGreaterThan(matchViewers / 2);
    assertThat(neverLeft).isBetween(10, 100);
  }

  @Test
  void interactionsNameCatalogItemsAndRespectTheWidgetRules() throws Exception {
    Set<String> widgets = new HashSet<>();
    for (JsonNode w : json(SampleGenerator.WIDGETS).get("widgets")) {
      widgets.add(w.get("id").asText());
    }
    Set<String> products = new HashSet<>();
    for (JsonNode p : json(SampleGenerator.PRODUCTS).get("products")) {
      products.add(p.get("productId").asText());
    }
    Map<String, ViewerEvent> joinOf = new TreeMap<>();
    for (ViewerEvent j : joins(viewerEvents, null)) {
      joinOf.put(j.viewerId, j);
    }
    Set<Interaction> kinds = new TreeSet<>();
    Set<String> items = new TreeSet<>();
    Set<String> viewed = new HashSet<>();
    for (ViewerEvent e : viewerEvents) {
      if (e.type != ViewerEventType.INTERACTION) {
        assertThat(e.itemId).isNull();
        continue;
      }
      kinds.add(e.interaction);
      items.add(e.itemId);
      assertThat(widgets.contains(e.itemId) || products.contains(e.itemId)).as(e.itemId).isTrue();
      if (e.interaction == Interaction.VIEW) {
        viewed.add(e.viewerId + "/" + e.itemId);
      } else {
        assertThat(viewed).as("viewed before " + e.interaction).contains(e.viewerId + "/" + e.itemId);
      }
      if (e.itemId.equals("w-bet")) {
        ViewerEvent join = joinOf.get(e.viewerId);
        assertThat(join.profile.get("age")).isNotNull();
        assertThat(Integer.parseInt(join.profile.get("age"))).isGreaterThanOrEqualTo(18);
        assertThat(join.profile.get("country")).isNotIn("US", "DE", "FR", "JP");
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder(Interaction.values());
    assertThat(items).contains("w-bet", "w-chat", "w-food", "w-stats", "w-shop");
    assertThat(items.stream().filter(products::contains).count()).isGreaterThanOrEqualTo(5);
  }

  // --- reference data -----------------------------------------------------------------------

  @Test
  void productCatalogHasThirtyLinkedProducts() throws Exception {
    JsonNode products = json(SampleGenerator.PRODUCTS).get("products");
    assertThat(products.size()).isEqualTo(30);
    Set<String> ids = new HashSet<>();
    Set<String> labels = new HashSet<>();
    int longDescriptions = 0;
    for (JsonNode p : products) {
      String id = p.get("productId").asText();
      assertThat(ids.add(id)).as("unique " + id).isTrue();
      assertThat(p.get("title").asText()).isNotBlank();
      assertThat(p.get("price").isNumber()).isTrue();
      assertThat(p.get("price").asDouble()).isPositive();
      assertThat(p.get("currency").asText()).isEqualTo("EUR");
      assertThat(p.get("imageUrl").asText()).startsWith("https://images.example.com/");
      assertThat(p.get("link").asText()).startsWith("https://shop.example.com/");
      int length = p.get("description").asText().length();
      if (length >= 300 && length <= 600) {
        longDescriptions++;
      }
      assertThat(length).isLessThanOrEqualTo(600);
      for (JsonNode l : p.get("labels")) {
        assertThat(labels.add(l.asText())).as("label " + l + " maps to one product").isTrue();
      }
    }
    assertThat(longDescriptions).isGreaterThanOrEqualTo(5);
    for (JsonNode p : products) {
      for (JsonNode r : p.get("related")) {
        assertThat(ids).contains(r.asText());
      }
    }
  }

  @Test
  void widgetCatalogHasOneWidgetPerType() throws Exception {
    JsonNode widgets = json(SampleGenerator.WIDGETS).get("widgets");
    Set<String> types = new TreeSet<>();
    for (JsonNode w : widgets) {
      types.add(w.get("type").asText());
      assertThat(w.get("frequencyCapPerHour").asInt()).isPositive();
      assertThat(w.get("dismissCooldownMs").asLong()).isPositive();
      assertThat(w.get("countries").isArray()).isTrue();
      if (w.get("type").asText().equals("BET")) {
        assertThat(w.get("minAge").asInt()).isEqualTo(18);
        assertThat(w.get("countries").toString()).contains("GB").doesNotContain("US");
      }
    }
    assertThat(types)
        .containsExactlyInAnyOrder("BET", "CHAT", "FOOD_ORDER", "POLL", "TRIVIA", "STATS", "SHOP");
  }

  @Test
  void interactionsHistoryIsInPersonalizeLayoutAndShowsThePreferences() throws Exception {
    List<String> lines = lines(sample, SampleGenerator.INTERACTIONS);
    assertThat(lines.get(0))
        .isEqualTo("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,MATCH_PHASE,SCORE_DIFF,EVENT_OF_INTEREST");
    assertThat(lines.size() - 1).isBetween(2000, 6000);
    Set<String> widgetIds = new HashSet<>(Arrays.asList(
        "w-bet", "w-chat", "w-food", "w-poll", "w-trivia", "w-stats", "w-shop"));
    long previous = 0;
    // Views of each widget per context group: [group][0] all views, [group][1] views of the widget.
    int[][] bet = new int[3][2]; // 0: 25-44 late, one goal apart; 1: 25-44 otherwise; 2: others late, one goal apart
    int[][] food = new int[2][2]; // 0: half time; 1: otherwise
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertThat(f).hasSize(7);
      assertThat(f[0]).matches("fan-\\d{5}");
      long ts = Long.parseLong(f[2]);
      assertThat(ts).isLessThan(START / 1000).isGreaterThan(1_700_000_000L);
      assertThat(ts).isGreaterThanOrEqualTo(previous);
      previous = ts;
      assertThat(f[3]).isIn("View", "Click", "Purchase", "Dismiss");
      assertThat(f[4]).isIn("PRE_MATCH", "FIRST_HALF", "HALF_TIME", "SECOND_HALF", "FULL_TIME");
      assertThat(f[5]).isIn("LEVEL", "ONE", "TWO_PLUS");
      assertThat(f[6]).isIn("NONE", "GOAL_FLURRY", "RED_CARD", "SOCIAL_SURGE", "CLOSE_FINISH");
      if (!widgetIds.contains(f[1])) {
        assertThat(f[1]).startsWith("prod-");
      }
      if (!f[3].equals("View")) {
        continue;
      }
      boolean core = Profile.forUser(SEED, f[0]).core();
      boolean closeLate = f[5].equals("ONE") && f[6].equals("CLOSE_FINISH");
      int g = core ? (closeLate ? 0 : 1) : (closeLate ? 2 : -1);
      if (g >= 0) {
        bet[g][0]++;
        bet[g][1] += f[1].equals("w-bet") ? 1 : 0;
      }
      int h = f[4].equals("HALF_TIME") ? 0 : 1;
      food[h][0]++;
      food[h][1] += f[1].equals("w-food") ? 1 : 0;
    }
    assertThat(share(bet[0])).as("bets by 25-44 year olds when one goal separates the teams late on")
        .isGreaterThan(1.5 * share(bet[1]))
        .isGreaterThan(1.5 * share(bet[2]));
    assertThat(share(food[0])).as("food orders at half time").isGreaterThan(4 * share(food[1]));
  }

  private static double share(int[] counts) {
    return counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
  }

  // --- helpers --------------------------------------------------------------------------------

  private static Path findCommittedSample() {
    Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("samples").resolve("soccer-final");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("samples/soccer-final not found above " + dir);
  }

  private static List<String> lines(Path dir, String file) throws IOException {
    return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
  }

  private static <T> List<T> read(Path dir, String file, Class<T> type)
      throws IOException, RecordException {
    List<T> records = new ArrayList<>();
    for (String line : lines(dir, file)) {
      records.add(RecordCodec.decode(line, type));
    }
    return records;
  }

  private static JsonNode json(String file) throws IOException {
    return RecordCodec.mapper().readTree(sample.resolve(file).toFile());
  }

  private static <T> T first(List<T> list) {
    return list.get(0);
  }

  private static List<MatchEvent> unique(List<MatchEvent> events) {
    Set<String> seen = new HashSet<>();
    List<MatchEvent> out = new ArrayList<>();
    for (MatchEvent e : events) {
      if (seen.add(e.eventId)) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<MatchEvent> ofType(List<MatchEvent> events, MatchEventType type) {
    List<MatchEvent> out = new ArrayList<>();
    for (MatchEvent e : unique(events)) {
      if (e.type == type) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Integer> minutesOf(List<MatchEvent> events, MatchEventType type) {
    List<Integer> minutes = new ArrayList<>();
    for (MatchEvent e : ofType(events, type)) {
      minutes.add(e.matchMinute);
    }
    return minutes;
  }

  /** JOIN events of a media (null: of both). */
  private static List<ViewerEvent> joins(List<ViewerEvent> events, String media) {
    List<ViewerEvent> out = new ArrayList<>();
    for (ViewerEvent e : events) {
      if (e.type == ViewerEventType.JOIN && (media == null || e.mediaId.equals(media))) {
        out.add(e);
      }
    }
    return out;
  }

  private static Map<String, List<ViewerEvent>> byViewer() {
    Map<String, List<ViewerEvent>> m = new TreeMap<>();
    for (ViewerEvent e : viewerEvents) {
      m.computeIfAbsent(e.viewerId, k -> new ArrayList<>()).add(e);
    }
    return m;
  }
}
