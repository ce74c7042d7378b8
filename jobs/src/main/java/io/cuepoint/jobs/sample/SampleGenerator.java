package io.cuepoint.jobs.sample;

import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.Segment;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a seeded, synthetic recording of a soccer final streamed live, plus a short live-shopping
 * studio show on another channel, and the reference data the job reads beside it (product catalog,
 * widget catalog, interactions history). The same seed and scale always give byte-identical files:
 * all randomness comes from one {@link java.util.SplittableRandom} seed, nothing reads the clock
 * and nothing depends on hash ordering. See {@code samples/README.md} for the match's timeline.
 *
 * <p>{@code scale} multiplies the number of viewers and the detection rate; the match script,
 * the feed, the catalogs and the history stay the same.
 */
public final class SampleGenerator {
  public static final long DEFAULT_SEED = 20260530L;
  public static final double DEFAULT_SCALE = 1.0;
  public static final double MAX_SCALE = 1000.0;

  public static final String MATCH_MEDIA = "final-2026";
  public static final String STUDIO_MEDIA = "studio-show";
  public static final String MATCH_CHANNEL = "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEf123456";
  public static final String STUDIO_CHANNEL = "arn:aws:ivs:us-west-2:123456789012:channel/StUdIo987XyZ";
  /** 2026-05-30T19:00:00Z in epoch milliseconds: position 0 of both streams. */
  public static final long STREAM_START = FinalScript.START;

  public static final String SEGMENTS = "segments.jsonl";
  public static final String DETECTIONS = "detections.jsonl";
  public static final String MATCH_EVENTS = "match-events.jsonl";
  public static final String VIEWER_EVENTS = "viewer-events.jsonl";
  public static final String PRODUCTS = "products.json";
  public static final String WIDGETS = "widgets.json";
  public static final String INTERACTIONS = "interactions.csv";

  public static final long SEGMENT_MS = 6000;
  /** Detection interval at scale 1. */
  public static final long DETECTION_INTERVAL_MS = 4000;
  /** Match viewers at scale 1. */
  public static final int MATCH_VIEWERS = 300;
  /** Studio-show viewers at scale 1. */
  public static final int STUDIO_VIEWERS = 40;

  private SampleGenerator() {}

  /** How many records (lines; products, widgets or rows for the reference files) each file got. */
  public static final class Summary {
    public final long segments;
    public final long detections;
    public final long matchEvents;
    public final long viewerEvents;
    public final long products;
    public final long widgets;
    public final long interactions;
    /** Viewers who join the match and the studio show. */
    public final int matchViewers;
    public final int studioViewers;

    Summary(long segments, long detections, long matchEvents, long viewerEvents, long products,
        long widgets, long interactions, int matchViewers, int studioViewers) {
      this.segments = segments;
      this.detections = detections;
      this.matchEvents = matchEvents;
      this.viewerEvents = viewerEvents;
      this.products = products;
      this.widgets = widgets;
      this.interactions = interactions;
      this.matchViewers = matchViewers;
      this.studioViewers = studioViewers;
    }

    /** File name to count, in a fixed order. */
    public Map<String, Long> perFile() {
      Map<String, Long> m = new LinkedHashMap<>();
      m.put(SEGMENTS, segments);
      m.put(DETECTIONS, detections);
      m.put(MATCH_EVENTS, matchEvents);
      m.put(VIEWER_EVENTS, viewerEvents);
      m.put(PRODUCTS, products);
      m.put(WIDGETS, widgets);
      m.put(INTERACTIONS, interactions);
      return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (Map.Entry<String, Long> e : perFile().entrySet()) {
        b.append(String.format(Locale.ROOT, "%-20s %9d%n", e.getKey(), e.getValue()));
      }
      b.append(String.format(Locale.ROOT, "viewers: %d on %s, %d on %s",
          matchViewers, MATCH_MEDIA, studioViewers, STUDIO_MEDIA));
      return b.toString();
    }
  }

  /**
   * Writes the recording and the reference data into {@code outDir} (created if missing; files of
   * the same names are replaced).
   *
   * @param scale more than 0 and at most {@link #MAX_SCALE}: multiplies viewers and detection rate
   */
  public static Summary generate(Path outDir, long seed, double scale) throws IOException {
    if (!(scale > 0 && scale <= MAX_SCALE)) {
      throw new IllegalArgumentException("scale must be more than 0 and at most " + MAX_SCALE);
    }
    Files.createDirectories(outDir);
    Rng root = new Rng(seed);
    // One independent stream per part, split in a fixed order: a part's output never depends on
    // how many numbers another part drew (so viewers 1..300 are the same at every scale).
    FinalScript script = new FinalScript(root.split());
    Rng runRng = root.split();
    Rng frameRng = root.split();
    Rng feedRng = root.split();
    Rng matchViewerRng = root.split();
    Rng studioViewerRng = root.split();
    Rng historyRng = root.split();

    long interval = Math.max(1, Math.round(DETECTION_INTERVAL_MS / scale));
    DetectionStream match =
        DetectionStream.match(MATCH_MEDIA, script, runRng.split(), frameRng.split(), interval);
    DetectionStream studio =
        DetectionStream.studio(STUDIO_MEDIA, runRng.split(), frameRng.split(), interval);

    long segments = writeSegments(outDir.resolve(SEGMENTS));
    long detections = writeDetections(outDir.resolve(DETECTIONS), match, studio);

    List<MatchEvent> feed = MatchFeed.generate(MATCH_MEDIA, script, feedRng);
    try (BufferedWriter w = writer(outDir.resolve(MATCH_EVENTS))) {
      for (MatchEvent e : feed) {
        line(w, RecordCodec.encode(e));
      }
    }

    int matchViewers = (int) Math.round(MATCH_VIEWERS * scale);
    int studioViewers = (int) Math.round(STUDIO_VIEWERS * scale);
    ViewerSimulation viewers = new ViewerSimulation(seed, script, MATCH_MEDIA, STUDIO_MEDIA,
        match.productRuns, studio.productRuns, matchViewers, studioViewers);
    viewers.run(matchViewerRng, studioViewerRng);
    try (BufferedWriter w = writer(outDir.resolve(VIEWER_EVENTS))) {
      for (int i = 0; i < viewers.size(); i++) {
        line(w, RecordCodec.encode(viewers.event(i)));
      }
    }

    try (BufferedWriter w = writer(outDir.resolve(PRODUCTS))) {
      w.write(Catalog.productsJson());
    }
    try (BufferedWriter w = writer(outDir.resolve(WIDGETS))) {
      w.write(Catalog.widgetsJson());
    }
    List<String> history = InteractionHistory.generate(seed, historyRng);
    try (BufferedWriter w = writer(outDir.resolve(INTERACTIONS))) {
      line(w, InteractionHistory.HEADER);
      for (String row : history) {
        line(w, row);
      }
    }
    return new Summary(segments, detections, feed.size(), viewers.size(),
        Catalog.PRODUCTS.size(), Catalog.WIDGETS.size(), history.size(), matchViewers,
        studioViewers);
  }

  /** Six-second segments of both streams, in event-time order (the match first on a tie). */
  private static long writeSegments(Path file) throws IOException {
    long count = 0;
    long matchSegments = (FinalScript.MATCH_END - STREAM_START) / SEGMENT_MS;
    long studioSegments = (FinalScript.STUDIO_END - STREAM_START) / SEGMENT_MS;
    try (BufferedWriter w = writer(file)) {
      for (long seq = 0; seq < Math.max(matchSegments, studioSegments); seq++) {
        if (seq < matchSegments) {
          line(w, RecordCodec.encode(segment(MATCH_MEDIA, MATCH_CHANNEL, seq)));
          count++;
        }
        if (seq < studioSegments) {
          line(w, RecordCodec.encode(segment(STUDIO_MEDIA, STUDIO_CHANNEL, seq)));
          count++;
        }
      }
    }
    return count;
  }

  private static Segment segment(String media, String channel, long seq) {
    Segment s = new Segment();
    s.mediaId = media;
    s.channelArn = channel;
    s.segmentUrl = "https://cdn.example.com/" + media + "/seg" + seq + ".ts";
    s.sequence = seq;
    s.durationMs = SEGMENT_MS;
    s.positionMs = seq * SEGMENT_MS;
    s.eventTime = STREAM_START + s.positionMs;
    return s;
  }

  /** Both media merged by event time (the late frames of each stream stay late). */
  private static long writeDetections(Path file, DetectionStream a, DetectionStream b)
      throws IOException {
    long count = 0;
    try (BufferedWriter w = writer(file)) {
      while (true) {
        Detection x = a.peek();
        Detection y = b.peek();
        if (x == null && y == null) {
          break;
        }
        Detection next = y == null || (x != null && x.eventTime <= y.eventTime) ? a.next() : b.next();
        line(w, RecordCodec.encode(next));
        count++;
      }
    }
    return count;
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }

  private static void line(BufferedWriter w, String text) throws IOException {
    w.write(text);
    w.write('\n');
  }
}
