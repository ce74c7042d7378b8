package io.cuepoint.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.PropertyGroups;
import io.cuepoint.jobs.replay.ReplayRunner;
import io.cuepoint.schemas.StreamName;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the sample match, writes its report and opens it in headless Chromium: the timeline,
 * marks and charts the page's JavaScript drew are counted in the DOM and compared with counts
 * taken from the {@code .jsonl} files themselves. Until the job writes overlays and viewer
 * decisions, the hand-written fixtures in {@code src/test/resources/report/} stand in for them.
 */
class SampleReportInChromiumTest {
  static final String SHOT = "report-sample.png";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path sample;
  static Path out;
  static Chromium chromium;
  static Document dom;

  @BeforeAll
  static void replayTheSampleAndOpenItsReport() throws Exception {
    chromium = Chromium.availableOrSkip(dir.resolve("chromium-profile"));
    sample = findSample();
    out = dir.resolve("replay");
    ReplayRunner.run(sample, out, sampleConfig(), null, false);
    standInWhenEmpty(StreamName.OVERLAYS);
    standInWhenEmpty(StreamName.VIEWER_ACTIONS);
    ReplayReport.write(out, sample);
    dom = Jsoup.parse(chromium.dumpDom(url("")));
  }

  @Test
  void theScriptDrewThePageWithoutError() {
    assertThat(dom.body().attr("data-rendered")).isEqualTo("true");
    assertThat(dom.select("[data-error]")).isEmpty();
    assertThat(dom.select("section.media")).extracting(e -> e.attr("data-media-id"))
        .containsExactlyElementsOf(new ArrayList<>(mediaIds()));
  }

  @Test
  void eachMediaHasATimelineWithAMarkForEveryMatchEventAndEventOfInterest() throws IOException {
    List<JsonNode> matchEvents = lines(sample.resolve(StreamName.MATCH_EVENTS.fileName()));
    List<JsonNode> eventsOfInterest = lines(out.resolve(StreamName.EVENTS_OF_INTEREST.fileName()));
    for (String media : mediaIds()) {
      Element timeline = section(media).selectFirst("svg.timeline");
      assertThat(timeline).as(media).isNotNull();

      Set<String> matchIds = new HashSet<>();
      long posts = 0;
      for (JsonNode e : matchEvents) {
        if (e.get("mediaId").asText().equals(media)) {
          if (e.get("type").asText().equals("SOCIAL_POST")) {
            posts++;
          } else {
            matchIds.add(e.get("eventId").asText());
          }
        }
      }
      assertThat(timeline.select("g.lane[data-lane=match] .marker.match")).as(media).hasSize(matchIds.size());
      assertThat(timeline.select("g.lane[data-lane=social]").attr("data-total")).as(media).isEqualTo(String.valueOf(posts));

      List<JsonNode> eois = of(eventsOfInterest, media);
      assertThat(timeline.select("g.lane[data-lane=eoi] .marker.eoi")).as(media).hasSize(eois.size());
      assertThat(timeline.select("g.lane[data-lane=eoi] .marker.eoi")).extracting(m -> m.attr("data-type"))
          .containsExactlyInAnyOrderElementsOf(eois.stream().map(e -> e.get("type").asText()).collect(Collectors.toList()));
      assertThat(timeline.select("line.guide")).hasSize(eois.size());
    }
    assertThat(section("final-2026").select(".marker.match[data-type=GOAL]")).hasSize(5);
  }

  @Test
  void productLanesShowEveryProductForTheWindowsThatListIt() throws IOException {
    List<JsonNode> windows = lines(out.resolve(StreamName.MEDIA_CONTEXT.fileName()));
    for (String media : mediaIds()) {
      Map<String, Long> windowsPerProduct = new TreeMap<>();
      for (JsonNode w : of(windows, media)) {
        w.get("products").forEach(p -> windowsPerProduct.merge(p.get("name").asText(), 1L, Long::sum));
      }
      Map<String, Long> drawn = new TreeMap<>();
      for (Element lane : section(media).select("g.lane[data-lane=product]")) {
        drawn.put(lane.attr("data-name"), Long.parseLong(lane.attr("data-windows")));
        long inRuns = lane.select("rect.run").stream().mapToLong(r -> Long.parseLong(r.attr("data-windows"))).sum();
        assertThat(inRuns).as(media + " " + lane.attr("data-name")).isEqualTo(Long.parseLong(lane.attr("data-windows")));
        assertThat(lane.select("rect.run")).isNotEmpty();
      }
      assertThat(drawn).as(media).isEqualTo(windowsPerProduct);
      assertThat(section(media).select("g.lane[data-lane=label]")).hasSize(MediaModel.TOP_LABELS);
    }
  }

  @Test
  void overlaySpansPerChannelAndDecisionChartsMatchTheirFiles() throws IOException {
    List<JsonNode> overlays = lines(out.resolve(StreamName.OVERLAYS.fileName()));
    List<JsonNode> decisions = lines(out.resolve(StreamName.VIEWER_ACTIONS.fileName()));
    for (String media : mediaIds()) {
      Map<String, List<JsonNode>> byChannel = of(overlays, media).stream()
          .collect(Collectors.groupingBy(o -> o.get("channelArn").asText(), TreeMap::new, Collectors.toList()));
      List<Element> lanes = section(media).select("g.lane[data-lane=overlay][data-channel]");
      assertThat(lanes).extracting(l -> l.attr("data-channel")).containsExactlyElementsOf(byChannel.keySet());
      for (Element lane : lanes) {
        List<JsonNode> decided = byChannel.get(lane.attr("data-channel"));
        assertThat(lane.attr("data-decisions")).isEqualTo(String.valueOf(decided.size()));
        assertThat(lane.select("rect.span")).hasSize(expectedSpans(decided));
      }

      List<JsonNode> mine = of(decisions, media);
      assertThat(seriesTotals(section(media), "widget")).as(media).isEqualTo(count(mine, SampleReportInChromiumTest::topWidget));
      assertThat(seriesTotals(section(media), "ranker")).as(media).isEqualTo(count(mine, d -> d.get("decidedBy").asText()));
    }
  }

  @Test
  void totalsMatchTheFiles() throws IOException {
    for (StreamName s : StreamName.values()) {
      Path file = (s.isInput() ? sample : out).resolve(s.fileName());
      Element row = dom.selectFirst("table#streams tr[data-stream=" + s.id() + "]");
      assertThat(row).as(s.id()).isNotNull();
      assertThat(row.selectFirst("td.records").text().replace(",", "")).as(s.id()).isEqualTo(String.valueOf(lines(file).size()));
    }
    long deadLetters = lines(out.resolve(StreamName.DEAD_LETTERS.fileName())).size();
    long inReasons = dom.select("table#dead-letters td.count").stream().mapToLong(td -> Long.parseLong(td.text().replace(",", ""))).sum();
    assertThat(inReasons).isEqualTo(deadLetters);
    List<JsonNode> overlays = lines(out.resolve(StreamName.OVERLAYS.fileName()));
    long sendable = overlays.stream().filter(o -> !o.get("status").asText().equals("SUPERSEDED")).count();
    assertThat(dom.selectFirst("table#aws-calls tr[data-service=Amazon IVS] td.calls").text().replace(",", ""))
        .isEqualTo(String.valueOf(sendable));
    assertThat(dom.select("table#overlay-status td.count").stream().mapToLong(td -> Long.parseLong(td.text().replace(",", ""))).sum())
        .isEqualTo(overlays.size());
  }

  @Test
  void aLinkToAMarkOpensWithItsRecordShown() throws Exception {
    Document linked = Jsoup.parse(chromium.dumpDom(url("#mark-0-eoi-0")));
    Element tip = linked.getElementById("tip");

    assertThat(tip.hasAttr("hidden")).isFalse();
    assertThat(tip.attr("data-for")).isEqualTo("mark-0-eoi-0");
    String firstEventOfInterest = of(lines(out.resolve(StreamName.EVENTS_OF_INTEREST.fileName())), "final-2026").stream()
        .min((a, b) -> Long.compare(a.get("eventTime").asLong(), b.get("eventTime").asLong())).get().get("id").asText();
    assertThat(tip.select("pre").text()).contains("\"id\": \"" + firstEventOfInterest + "\"");
  }

  @Test
  void screenshotShowsThePage() throws Exception {
    Path png = dir.resolve(SHOT);
    chromium.screenshot(url(""), png, 1400, 2000);

    BufferedImage image;
    try (InputStream in = Files.newInputStream(png)) {
      image = ImageIO.read(in);
    }
    assertThat(image.getWidth()).isEqualTo(1400);
    assertThat(image.getHeight()).isEqualTo(2000);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("distinct colours: a drawn page, not a blank one").isGreaterThan(50);
    Path kept = Paths.get("target", SHOT);
    Files.createDirectories(kept.getParent());
    Files.copy(png, kept, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Spans as the report defines them: a SHOW, or a RESEND with nothing showing, starts one. */
  static int expectedSpans(List<JsonNode> decisions) {
    List<JsonNode> sorted = new ArrayList<>(decisions);
    sorted.sort((a, b) -> {
      int byTime = Long.compare(a.get("eventTime").asLong(), b.get("eventTime").asLong());
      return byTime != 0 ? byTime : Boolean.compare(!a.get("action").asText().equals("CLEAR"), !b.get("action").asText().equals("CLEAR"));
    });
    int spans = 0;
    boolean showing = false;
    for (JsonNode d : sorted) {
      String action = d.get("action").asText();
      if (action.equals("SHOW") || (action.equals("RESEND") && !showing)) {
        spans++;
        showing = true;
      } else if (action.equals("CLEAR")) {
        showing = false;
      }
    }
    return spans;
  }

  private static String topWidget(JsonNode decision) {
    JsonNode best = null;
    for (JsonNode w : decision.get("widgets")) {
      if (best == null || w.get("rank").asInt() < best.get("rank").asInt()) {
        best = w;
      }
    }
    return best == null ? MediaAggregate.NO_WIDGET : best.get("id").asText();
  }

  private static Map<String, Long> count(List<JsonNode> records, Function<JsonNode, String> key) {
    return records.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static Map<String, Long> seriesTotals(Element section, String chart) {
    Map<String, Long> totals = new TreeMap<>();
    for (Element path : section.select("svg.chart[data-chart=" + chart + "] path.series")) {
      totals.put(path.attr("data-series"), Long.parseLong(path.attr("data-total")));
    }
    return totals;
  }

  private static Element section(String media) {
    Element s = dom.selectFirst("section.media[data-media-id=" + media + "]");
    assertThat(s).as("section of " + media).isNotNull();
    return s;
  }

  private static Set<String> mediaIds() {
    try {
      Set<String> ids = new TreeSet<>();
      for (StreamName s : List.of(StreamName.MEDIA_CONTEXT, StreamName.EVENTS_OF_INTEREST, StreamName.OVERLAYS, StreamName.VIEWER_ACTIONS)) {
        lines(out.resolve(s.fileName())).forEach(r -> ids.add(r.get("mediaId").asText()));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> of(List<JsonNode> records, String media) {
    return records.stream().filter(r -> r.get("mediaId").asText().equals(media)).collect(Collectors.toList());
  }

  static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        records.add(JSON.readTree(line));
      }
    }
    return records;
  }

  private static void standInWhenEmpty(StreamName stream) throws IOException {
    Path file = out.resolve(stream.fileName());
    if (Files.size(file) > 0) {
      return;
    }
    try (InputStream fixture = SampleReportInChromiumTest.class.getResourceAsStream("/report/" + stream.fileName())) {
      Files.copy(fixture, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * samples/config.json, with the files it names relative to the repository (as the README's
   * command runs it) made absolute, since tests run in the module's folder.
   */
  private static CuepointConfig sampleConfig() {
    Path root = sample.getParent().getParent();
    Map<String, Properties> groups = PropertyGroups.read(sample.getParent().resolve("config.json"));
    for (Properties group : groups.values()) {
      for (String key : group.stringPropertyNames()) {
        String value = group.getProperty(key);
        if (!Path.of(value).isAbsolute() && Files.isRegularFile(root.resolve(value))) {
          group.setProperty(key, root.resolve(value).toString());
        }
      }
    }
    return CuepointConfig.of(groups, Collections.emptyMap());
  }

  private static String url(String fragment) {
    return out.resolve(ReplayReport.FILE_NAME).toUri() + fragment;
  }

  private static Path findSample() {
    Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = start; d != null; d = d.getParent()) {
      Path candidate = d.resolve("samples").resolve("soccer-final");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("samples/soccer-final not found above " + start);
  }
}
