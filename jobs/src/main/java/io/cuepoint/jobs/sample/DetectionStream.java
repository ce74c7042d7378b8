package io.cuepoint.jobs.sample;

import static io.cuepoint.jobs.sample.MatchTimeline.SECOND;

import io.cuepoint.schemas.records.BoundingBox;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import io.cuepoint.schemas.records.Team;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The detections of one media, generated lazily in time order: the camera cuts between shots
 * (wide, close-up, crowd, bench, advertising boards, studio), each with its own labels and
 * confidences; players and pundits are recognised as celebrities; products and labels that the
 * catalog maps to products come and go in runs of 20 to 90 seconds.
 */
final class DetectionStream {
  static final String REKOGNITION = "rekognition";
  static final String SRT = "srt";
  /** Largest lateness of a delivered-late frame: the watermark bound the recording respects. */
  static final long MAX_LATENESS_MS = 3000;

  /** Something on screen from {@code from} (inclusive) to {@code to} (exclusive), event time. */
  static final class Run {
    final String name;
    final ItemKind kind;
    final long from;
    final long to;
    final double confidence;

    Run(String name, ItemKind kind, long from, long to, double confidence) {
      this.name = name;
      this.kind = kind;
      this.from = from;
      this.to = to;
      this.confidence = confidence;
    }

    boolean covers(long t) {
      return t >= from && t < to;
    }
  }

  private enum Shot { WIDE, CLOSE, CROWD, BENCH, ADBOARD, STUDIO, CELEBRATION, HOST, DEMO }

  private static final int NO_BOX = 0;
  private static final int SMALL = 1;
  private static final int MEDIUM = 2;
  private static final int LARGE = 3;

  /** A label a shot of some kind may show: chance to be in a shot, confidence range, box size. */
  private static final class Spec {
    final String name;
    final double chance;
    final double low;
    final double high;
    final int box;

    Spec(String name, double chance, double low, double high, int box) {
      this.name = name;
      this.chance = chance;
      this.low = low;
      this.high = high;
      this.box = box;
    }
  }

  private static Spec s(String name, double chance, double low, double high, int box) {
    return new Spec(name, chance, low, high, box);
  }

  private static Spec s(String name, double chance, double low, double high) {
    return new Spec(name, chance, low, high, NO_BOX);
  }

  private static final Spec[] WIDE = {
    s("Person", 1.0, 95, 99.8, SMALL), s("Sport", 1.0, 90, 99), s("Soccer", 0.95, 85, 99),
    s("Grass", 0.9, 85, 99), s("Field", 0.85, 78, 97), s("Football", 0.5, 65, 90),
    s("Stadium", 0.7, 70, 96), s("Ball", 0.55, 45, 85, SMALL), s("Crowd", 0.5, 55, 88),
    s("People", 0.6, 78, 95), s("Team", 0.35, 55, 82), s("Outdoors", 0.4, 60, 85),
    s("Night", 0.3, 50, 80), s("Lighting", 0.25, 45, 75)
  };
  private static final Spec[] CLOSE = {
    s("Person", 1.0, 98, 99.9, LARGE), s("Jersey", 0.9, 75, 96, MEDIUM), s("Face", 0.7, 88, 99, SMALL),
    s("Head", 0.5, 85, 98), s("Clothing", 0.8, 85, 98), s("Shirt", 0.6, 70, 92),
    s("Shoe", 0.35, 60, 90, SMALL), s("Sport", 0.7, 75, 95), s("Soccer", 0.5, 60, 90),
    s("Adult", 0.7, 80, 97), s("Male", 0.6, 80, 97), s("Sweat", 0.2, 42, 70), s("Hair", 0.3, 55, 85)
  };
  private static final Spec[] CROWD = {
    s("Crowd", 1.0, 90, 99.5), s("Person", 1.0, 96, 99.8, MEDIUM), s("People", 0.9, 88, 99),
    s("Audience", 0.7, 75, 95), s("Fan", 0.5, 60, 88), s("Beverage", 0.35, 48, 82, SMALL),
    s("Clothing", 0.5, 70, 92), s("Cheering", 0.4, 55, 85), s("Stadium", 0.6, 70, 93),
    s("Jersey", 0.5, 60, 88, MEDIUM), s("Hat", 0.25, 48, 80, SMALL)
  };
  private static final Spec[] BENCH = {
    s("Person", 1.0, 97, 99.8, MEDIUM), s("Man", 0.8, 85, 98), s("Adult", 0.7, 80, 97),
    s("Coat", 0.5, 60, 88, MEDIUM), s("Bench", 0.6, 60, 88), s("Chair", 0.4, 55, 80),
    s("Clothing", 0.7, 80, 96), s("Face", 0.5, 85, 98, SMALL), s("Sport", 0.5, 60, 85),
    s("Team", 0.3, 50, 75)
  };
  private static final Spec[] ADBOARD = {
    s("Stadium", 0.9, 72, 95), s("Advertisement", 0.8, 65, 92, LARGE), s("Text", 0.9, 80, 99, MEDIUM),
    s("Logo", 0.6, 60, 90, SMALL), s("Banner", 0.5, 55, 85), s("Grass", 0.8, 80, 97),
    s("Person", 0.7, 90, 99, SMALL), s("Sport", 0.6, 70, 92), s("Soccer", 0.5, 65, 90),
    s("Billboard", 0.4, 55, 82)
  };
  private static final Spec[] STUDIO = {
    s("Person", 1.0, 98, 99.9, LARGE), s("Man", 0.7, 88, 98), s("Woman", 0.5, 85, 98),
    s("Adult", 0.8, 85, 98), s("Suit", 0.6, 70, 95, MEDIUM), s("Microphone", 0.5, 55, 88, SMALL),
    s("Desk", 0.5, 60, 88), s("Furniture", 0.6, 60, 90), s("Indoors", 0.9, 80, 97),
    s("Screen", 0.5, 60, 88), s("Electronics", 0.4, 55, 82), s("Tie", 0.3, 55, 85),
    s("Face", 0.5, 85, 99, SMALL)
  };
  private static final Spec[] CELEBRATION = {
    s("Person", 1.0, 98, 99.9, LARGE), s("Jersey", 0.9, 80, 97, MEDIUM), s("Crowd", 0.6, 60, 90),
    s("Face", 0.6, 85, 98, SMALL), s("Sport", 0.7, 75, 95), s("Soccer", 0.6, 65, 92),
    s("Happy", 0.5, 55, 88), s("Smile", 0.4, 55, 90), s("People", 0.8, 85, 98),
    s("Clothing", 0.7, 80, 96), s("Cheering", 0.6, 60, 90)
  };
  private static final Spec[] HOST = {
    s("Person", 1.0, 98, 99.9, LARGE), s("Woman", 0.7, 88, 99), s("Man", 0.4, 85, 98),
    s("Adult", 0.8, 85, 98), s("Smile", 0.5, 60, 92), s("Indoors", 0.95, 85, 98),
    s("Microphone", 0.4, 50, 85, SMALL), s("Table", 0.6, 60, 90), s("Furniture", 0.6, 60, 90),
    s("Lamp", 0.3, 50, 80), s("Plant", 0.3, 50, 82), s("Clothing", 0.7, 80, 96),
    s("Face", 0.6, 85, 99, SMALL), s("Room", 0.4, 55, 85)
  };
  private static final Spec[] DEMO = {
    s("Person", 0.8, 90, 99, MEDIUM), s("Hand", 0.9, 80, 98, MEDIUM), s("Finger", 0.5, 60, 90),
    s("Indoors", 0.8, 80, 97), s("Table", 0.6, 60, 90), s("Box", 0.3, 50, 80),
    s("Clothing", 0.5, 70, 92), s("Wood", 0.3, 50, 80), s("Adult", 0.5, 70, 95)
  };
  private static final String[] FILLERS = {
    "Human", "Light", "Photography", "Colour", "Adult", "Image", "Scene", "Frame"
  };

  /** Visual-search product matches during play and during breaks. */
  private static final String[] MATCH_PRODUCTS_PLAY = {
    "prod-jersey-home-2026", "prod-jersey-away-2026", "prod-jersey-home-2026",
    "prod-jersey-away-2026", "prod-boots-velocity-9", "prod-boots-velocity-9",
    "prod-ball-final-2026", "prod-gloves-keeper-pro", "prod-shinpads-guard", "prod-socks-grip"
  };
  private static final String[] MATCH_PRODUCTS_BREAK = {
    "prod-drink-volt-energy", "prod-jersey-home-2026", "prod-hoodie-harbour",
    "prod-flag-final-2026", "prod-water-bottle-steel", "prod-scarf-sierra", "prod-watch-chrono-s"
  };
  /** Labels the catalog maps to a product, during play and during breaks. */
  private static final String[] MATCH_LABELS_PLAY = {
    "Soccer Ball", "Soccer Ball", "Cleats", "Cleats", "Glove", "Sock", "Flag", "Scarf", "Cap",
    "Water Bottle", "Can"
  };
  private static final String[] MATCH_LABELS_BREAK = {
    "Wristwatch", "Headphones", "Beer", "Pizza", "Can", "Sunglasses", "Hoodie", "Mobile Phone"
  };
  /** What the studio show presents, in an order the seed shuffles. */
  private static final String[] STUDIO_PRODUCTS = {
    "prod-sneaker-street-one", "prod-handbag-tote", "prod-lipstick-velvet",
    "prod-headphones-pulse", "prod-watch-chrono-s", "prod-sunglasses-aero", "prod-jacket-denim",
    "prod-coffee-machine-barista", "prod-phone-nova-5", "prod-backpack-commuter",
    "prod-hoodie-harbour", "prod-jersey-home-2026"
  };
  static final String STUDIO_HOST = "Priya Lawson";
  static final String STUDIO_GUEST = "Tom Aldridge";

  final String mediaId;
  final long start;
  final long end;
  /** PRODUCT items on screen (for the studio: the SRT cues of the product presented). */
  final List<Run> productRuns;
  /** Labels the catalog maps to products (match only). */
  final List<Run> labelRuns;

  private final boolean studio;
  private final FinalScript script;
  private final Rng rng;
  private final long interval;
  private final ArrayDeque<Detection> queue = new ArrayDeque<>();
  private long nextPosition;
  /** A frame held back to come after the next tick's. */
  private Detection late;

  private Shot shot;
  private long shotStart;
  private long shotEnd;
  private final List<Spec> shotSpecs = new ArrayList<>();
  private final List<Double> shotConfidence = new ArrayList<>();
  private final List<double[]> shotBoxes = new ArrayList<>();
  private String celebrity;
  private double celebrityConfidence;
  private double[] celebrityBox;

  private DetectionStream(String mediaId, long start, long end, boolean studio, FinalScript script,
      List<Run> productRuns, List<Run> labelRuns, Rng rng, long interval) {
    this.mediaId = mediaId;
    this.start = start;
    this.end = end;
    this.studio = studio;
    this.script = script;
    this.productRuns = Collections.unmodifiableList(productRuns);
    this.labelRuns = Collections.unmodifiableList(labelRuns);
    this.rng = rng;
    this.interval = interval;
  }

  static DetectionStream match(String mediaId, FinalScript script, Rng runs, Rng frames,
      long interval) {
    long start = FinalScript.START;
    long end = FinalScript.MATCH_END;
    Rng productRng = runs.split();
    Rng labelRng = runs.split();
    List<Run> products = new ArrayList<>();
    long t = start + productRng.between(20 * SECOND, 90 * SECOND);
    while (t < end - 30 * SECOND) {
      String[] pool = script.timeline.inPlay(t) ? MATCH_PRODUCTS_PLAY : MATCH_PRODUCTS_BREAK;
      long to = Math.min(t + productRng.between(20 * SECOND, 90 * SECOND), end);
      products.add(new Run(productRng.pick(pool), ItemKind.PRODUCT, t, to,
          productRng.uniform(72, 97)));
      t = to + productRng.between(60 * SECOND, 240 * SECOND);
    }
    List<Run> labels = new ArrayList<>();
    t = start + labelRng.between(10 * SECOND, 60 * SECOND);
    while (t < end - 30 * SECOND) {
      String[] pool = script.timeline.inPlay(t) ? MATCH_LABELS_PLAY : MATCH_LABELS_BREAK;
      long to = Math.min(t + labelRng.between(20 * SECOND, 90 * SECOND), end);
      labels.add(new Run(labelRng.pick(pool), ItemKind.LABEL, t, to, labelRng.uniform(62, 95)));
      t = to + labelRng.between(40 * SECOND, 180 * SECOND);
    }
    return new DetectionStream(mediaId, start, end, false, script, products, labels, frames,
        interval);
  }

  static DetectionStream studio(String mediaId, Rng runs, Rng frames, long interval) {
    long start = FinalScript.START;
    long end = FinalScript.STUDIO_END;
    List<String> order = new ArrayList<>(Arrays.asList(STUDIO_PRODUCTS));
    for (int i = order.size() - 1; i > 0; i--) {
      Collections.swap(order, i, runs.nextInt(i + 1));
    }
    List<Run> products = new ArrayList<>();
    long t = start + runs.between(30 * SECOND, 60 * SECOND);
    for (int i = 0; t < end - 30 * SECOND; i++) {
      long to = Math.min(t + runs.between(20 * SECOND, 90 * SECOND), end);
      products.add(new Run(order.get(i % order.size()), ItemKind.PRODUCT, t, to, 100.0));
      t = to + runs.between(15 * SECOND, 50 * SECOND);
    }
    return new DetectionStream(mediaId, start, end, true, null, products,
        new ArrayList<Run>(), frames, interval);
  }

  Detection peek() {
    while (queue.isEmpty() && start + nextPosition < end) {
      tick(nextPosition);
      nextPosition += interval;
    }
    if (queue.isEmpty() && late != null) {
      queue.addLast(late);
      late = null;
    }
    return queue.peekFirst();
  }

  Detection next() {
    Detection d = peek();
    if (d == null) {
      throw new IllegalStateException("no more detections");
    }
    return queue.removeFirst();
  }

  /**
   * One frame every interval; about 2% of them are analysed off the grid and delivered late: the
   * frame lies between two ticks and its record comes after the next tick's, at most 3 s earlier
   * than that one.
   */
  private void tick(long position) {
    long t = start + position;
    Detection frame = frame(t, position);
    boolean delay = late == null && start + position + interval < end && rng.chance(0.02);
    if (delay) {
      long lag = rng.between(Math.min(500, interval), Math.min(MAX_LATENESS_MS, interval));
      frame.positionMs = position + interval - lag;
      frame.eventTime = start + frame.positionMs;
      late = frame;
    } else {
      queue.addLast(frame);
      if (late != null) {
        queue.addLast(late);
        late = null;
      }
    }
    if (studio) {
      long cue = position + interval / 2;
      List<DetectionItem> items = new ArrayList<>();
      for (Run r : productRuns) {
        if (r.covers(start + cue)) {
          DetectionItem item = new DetectionItem();
          item.kind = ItemKind.PRODUCT;
          item.name = r.name;
          item.confidence = r.confidence;
          items.add(item);
        }
      }
      if (!items.isEmpty() && start + cue < end) {
        queue.addLast(detection(cue, SRT, items));
      }
    }
  }

  private Detection detection(long position, String source, List<DetectionItem> items) {
    Detection d = new Detection();
    d.mediaId = mediaId;
    d.positionMs = position;
    d.eventTime = start + position;
    d.source = source;
    d.items = items.toArray(new DetectionItem[0]);
    return d;
  }

  private Detection frame(long t, long position) {
    if (shot == null || t >= shotEnd || interrupted(t)) {
      newShot(t);
    }
    List<DetectionItem> special = new ArrayList<>();
    if (celebrity != null && rng.chance(0.85)) {
      special.add(item(ItemKind.CELEBRITY, celebrity, jitter(celebrityConfidence, 1.0, 99.99),
          drift(celebrityBox)));
    }
    if (!studio) {
      for (Run r : productRuns) {
        if (r.covers(t)) {
          special.add(item(ItemKind.PRODUCT, r.name, jitter(r.confidence, 2.0, 99.5),
              drift(box(MEDIUM))));
        }
      }
    }
    for (Run r : labelRuns) {
      if (r.covers(t) && rng.chance(0.9)) {
        special.add(item(ItemKind.LABEL, r.name, jitter(r.confidence, 2.0, 99.5),
            rng.chance(0.5) ? drift(box(SMALL)) : null));
      }
    }
    if (studio && shot == Shot.DEMO) {
      for (Run r : productRuns) {
        Catalog.Product p = Catalog.product(r.name);
        if (r.covers(t) && !p.labels.isEmpty() && rng.chance(0.9)) {
          special.add(item(ItemKind.LABEL, p.labels.get(0), rng.uniform(80, 97),
              drift(box(MEDIUM))));
        }
      }
    }
    int target = Math.max(rng.between(5, 12), Math.min(12, special.size() + 3));
    List<DetectionItem> labels = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (DetectionItem i : special) {
      names.add(i.name);
    }
    for (int i = 0; i < shotSpecs.size() && special.size() + labels.size() < target; i++) {
      Spec spec = shotSpecs.get(i);
      if (rng.chance(0.93) && !names.contains(spec.name)) {
        names.add(spec.name);
        labels.add(item(ItemKind.LABEL, spec.name, jitter(shotConfidence.get(i), 1.5, 99.9),
            shotBoxes.get(i) == null ? null : drift(shotBoxes.get(i))));
      }
    }
    for (int i = 0; i < FILLERS.length && special.size() + labels.size() < 5; i++) {
      String name = FILLERS[i];
      if (!names.contains(name)) {
        names.add(name);
        labels.add(item(ItemKind.LABEL, name, rng.uniform(55, 90), null));
      }
    }
    List<DetectionItem> items = new ArrayList<>();
    for (DetectionItem i : special) {
      if (i.kind == ItemKind.LABEL) {
        labels.add(i);
      }
    }
    // Labels by confidence, highest first, as Rekognition returns them; then celebrities, products.
    labels.sort((a, b) -> Double.compare(b.confidence, a.confidence));
    items.addAll(labels);
    for (DetectionItem i : special) {
      if (i.kind == ItemKind.CELEBRITY) {
        items.add(i);
      }
    }
    for (DetectionItem i : special) {
      if (i.kind == ItemKind.PRODUCT) {
        items.add(i);
      }
    }
    return detection(position, REKOGNITION, items);
  }

  /** A goal or a red card since the shot began cuts to it. */
  private boolean interrupted(long t) {
    if (studio) {
      return false;
    }
    FinalScript.Entry goal = script.lastGoal(t);
    if (goal != null && goal.time > shotStart && shot != Shot.CELEBRATION) {
      return true;
    }
    FinalScript.Entry red = script.lastRedCard(t);
    return red != null && red.time > shotStart;
  }

  private void newShot(long t) {
    shotStart = t;
    celebrity = null;
    long length = rng.between(8 * SECOND, 40 * SECOND);
    if (studio) {
      boolean presenting = false;
      for (Run r : productRuns) {
        presenting |= r.covers(t);
      }
      shot = presenting && rng.chance(0.6) ? Shot.DEMO : Shot.HOST;
      if (shot == Shot.HOST) {
        double c = rng.unit();
        celebrity = c < 0.45 ? STUDIO_HOST : c < 0.6 ? STUDIO_GUEST : null;
      }
    } else {
      FinalScript.Entry goal = script.lastGoal(t);
      FinalScript.Entry red = script.lastRedCard(t);
      if (goal != null && t - goal.time < 35 * SECOND) {
        shot = Shot.CELEBRATION;
        length = goal.time + 35 * SECOND - t;
        celebrity = rng.chance(0.95) ? goal.attribute("player") : null;
      } else if (goal != null && t - goal.time < 70 * SECOND) {
        shot = rng.chance(0.5) ? Shot.CROWD : Shot.CLOSE;
        length = goal.time + 70 * SECOND - t;
        celebrity = shot == Shot.CLOSE ? goal.attribute("player") : null;
      } else if (red != null && t - red.time < 30 * SECOND) {
        shot = Shot.CLOSE;
        length = red.time + 30 * SECOND - t;
        celebrity = red.attribute("player");
      } else if (script.timeline.inPlay(t)) {
        shot = new Shot[] {Shot.WIDE, Shot.CLOSE, Shot.CROWD, Shot.BENCH, Shot.ADBOARD}[
            rng.weighted(new double[] {0.55, 0.2, 0.1, 0.05, 0.1})];
        if (shot == Shot.CLOSE && rng.chance(0.65)) {
          celebrity = rng.pick(script.onPitch(rng.chance(0.5) ? Team.HOME : Team.AWAY, t));
        } else if (shot == Shot.BENCH && rng.chance(0.6)) {
          celebrity = rng.chance(0.5) ? FinalScript.HOME_COACH : FinalScript.AWAY_COACH;
        }
      } else {
        shot = new Shot[] {Shot.STUDIO, Shot.CROWD, Shot.WIDE, Shot.ADBOARD}[
            rng.weighted(new double[] {0.55, 0.2, 0.15, 0.1})];
        if (shot == Shot.STUDIO && rng.chance(0.5)) {
          celebrity = rng.pick(FinalScript.PUNDITS);
        }
      }
    }
    shotEnd = t + Math.max(length, 4 * SECOND);
    celebrityConfidence = rng.uniform(88, 99.9);
    celebrityBox = box(rng.chance(0.5) ? SMALL : MEDIUM);
    shotSpecs.clear();
    shotConfidence.clear();
    shotBoxes.clear();
    for (Spec spec : specs(shot)) {
      if (rng.chance(spec.chance)) {
        shotSpecs.add(spec);
        shotConfidence.add(rng.uniform(spec.low, spec.high));
        shotBoxes.add(spec.box == NO_BOX ? null : box(spec.box));
      }
    }
  }

  private static Spec[] specs(Shot shot) {
    switch (shot) {
      case WIDE:
        return WIDE;
      case CLOSE:
        return CLOSE;
      case CROWD:
        return CROWD;
      case BENCH:
        return BENCH;
      case ADBOARD:
        return ADBOARD;
      case STUDIO:
        return STUDIO;
      case CELEBRATION:
        return CELEBRATION;
      case HOST:
        return HOST;
      default:
        return DEMO;
    }
  }

  /** {left, top, width, height}. */
  private double[] box(int size) {
    double w;
    double h;
    if (size == SMALL) {
      w = rng.uniform(0.02, 0.08);
      h = rng.uniform(0.03, 0.12);
    } else if (size == MEDIUM) {
      w = rng.uniform(0.08, 0.3);
      h = rng.uniform(0.15, 0.5);
    } else {
      w = rng.uniform(0.3, 0.6);
      h = rng.uniform(0.5, 0.95);
    }
    return new double[] {rng.uniform(0.01, 0.99 - w), rng.uniform(0.01, 0.99 - h), w, h};
  }

  private BoundingBox drift(double[] base) {
    BoundingBox b = new BoundingBox();
    b.width = Rng.round(base[2], 3);
    b.height = Rng.round(base[3], 3);
    b.left = Rng.round(clamp(base[0] + rng.uniform(-0.01, 0.01), 0.0, 1.0 - b.width), 3);
    b.top = Rng.round(clamp(base[1] + rng.uniform(-0.01, 0.01), 0.0, 1.0 - b.height), 3);
    return b;
  }

  private double jitter(double base, double spread, double max) {
    return clamp(base + rng.uniform(-spread, spread), 40.0, max);
  }

  private static DetectionItem item(ItemKind kind, String name, double confidence, BoundingBox box) {
    DetectionItem i = new DetectionItem();
    i.kind = kind;
    i.name = name;
    i.confidence = Rng.round(confidence, 2);
    i.box = box;
    return i;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
