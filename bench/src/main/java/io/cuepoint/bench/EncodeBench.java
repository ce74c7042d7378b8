package io.cuepoint.bench;

import io.cuepoint.schemas.codec.OutputRecordEncoder;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.DecisionMoment;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.RankedWidget;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerAction;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * CPU cost on one thread of writing output records as JSON: Jackson ({@link RecordCodec#encode})
 * against {@link OutputRecordEncoder}, alternating in the same run, over a mix of three
 * media-context records to two viewer actions shaped like the job's (or the records of a replay's
 * output folder, when given).
 *
 * <pre>
 * java -cp bench/target/classes:schemas/target/classes:$JACKSON io.cuepoint.bench.EncodeBench [records] [rounds] [output folder]
 * </pre>
 */
public final class EncodeBench {
  private static final String[] LABELS = {
    "Sneaker", "Camera", "Crowd", "Sport", "Face", "Field", "Trophy", "Grass", "Smile", "Cap",
    "Advertisement", "Referee", "Scarf", "Person", "Ball", "Stadium"
  };
  private static final String[] WIDGETS = {
    "w-bet", "w-food", "w-stats", "w-shop", "w-chat", "w-poll", "w-trivia"
  };

  private EncodeBench() {}

  public static void main(String[] args) throws IOException, RecordException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Object[] records = args.length > 2 ? fromOutputs(Path.of(args[2]), count) : synthetic(count);
    OutputRecordEncoder encoder = new OutputRecordEncoder();
    long bytes = 0;
    for (Object r : records) {
      String jackson = RecordCodec.encode(r);
      if (!jackson.equals(encoder.encode(r))) {
        throw new IllegalStateException("encoders disagree on " + jackson);
      }
      bytes += jackson.length();
    }
    System.out.printf(
        "%,d records, %.0f chars each on average; CPU time of this thread; %s%n",
        records.length, bytes / (double) records.length, System.getProperty("java.vm.version"));
    measure("mix", records, encoder, rounds);
    measure("media-context", only(records, MediaContext.class), encoder, rounds);
    measure("viewer-actions", only(records, ViewerAction.class), encoder, rounds);
  }

  private static Object[] only(Object[] records, Class<?> type) {
    return Arrays.stream(records).filter(type::isInstance).toArray();
  }

  /** Alternates the two encoders over the records, a round each, after a warm-up round. */
  private static void measure(String name, Object[] records, OutputRecordEncoder encoder, int rounds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    double jacksonNs = 0;
    double encoderNs = 0;
    StringBuilder perRound = new StringBuilder();
    for (int round = 0; round <= rounds; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (Object r : records) {
        sink += RecordCodec.encode(r).length();
      }
      long mid = threads.getCurrentThreadCpuTime();
      for (Object r : records) {
        sink += encoder.encode(r).length();
      }
      long end = threads.getCurrentThreadCpuTime();
      double j = (mid - start) / (double) records.length;
      double e = (end - mid) / (double) records.length;
      if (round > 0) {
        jacksonNs += j;
        encoderNs += e;
        perRound.append(String.format(" %.2f", j / e));
      }
    }
    System.out.printf(
        "%s (%,d records): jackson %.0f ns/record, OutputRecordEncoder %.0f ns/record, %.2fx"
            + " (per round:%s; checksum %d)%n",
        name, records.length, jacksonNs / rounds, encoderNs / rounds, jacksonNs / encoderNs,
        perRound, sink);
  }

  /** Three media-context records to two viewer actions, like the job's outputs. */
  private static Object[] synthetic(int count) {
    Random rnd = new Random(1);
    Object[] records = new Object[count];
    for (int i = 0; i < count; i++) {
      records[i] = i % 5 < 3 ? mediaContext(rnd) : viewerAction(rnd);
    }
    return records;
  }

  private static MediaContext mediaContext(Random rnd) {
    MediaContext c = new MediaContext();
    c.mediaId = "media-" + rnd.nextInt(300);
    c.windowEndMs = 5000L * (1 + rnd.nextInt(1000));
    c.windowStartMs = c.windowEndMs - 5000;
    c.positionMs = c.windowEndMs;
    c.eventTime = 1_780_167_600_000L + c.windowEndMs;
    c.id = c.mediaId + ":" + c.eventTime;
    c.labels = items(rnd, 4 + rnd.nextInt(5));
    c.celebrities = items(rnd, rnd.nextInt(3));
    c.products = items(rnd, rnd.nextInt(4) == 0 ? 1 : 0);
    c.eventsOfInterest = new EventOfInterest[0];
    return c;
  }

  private static ContextItem[] items(Random rnd, int n) {
    ContextItem[] items = new ContextItem[n];
    for (int k = 0; k < n; k++) {
      ContextItem item = new ContextItem();
      item.name = LABELS[rnd.nextInt(LABELS.length)];
      item.confidence = (5000 + rnd.nextInt(5000)) / 100.0;
      item.frames = 1 + rnd.nextInt(3);
      items[k] = item;
    }
    return items;
  }

  private static ViewerAction viewerAction(Random rnd) {
    ViewerAction a = new ViewerAction();
    a.viewerId = "viewer-" + rnd.nextInt(50_000);
    a.mediaId = "media-" + rnd.nextInt(300);
    a.eventTime = 1_780_167_600_000L + rnd.nextInt(3_600_000);
    a.positionMs = a.eventTime - 1_780_167_600_000L;
    a.id = a.mediaId + "/" + a.viewerId + "/" + a.eventTime + "/JOIN";
    a.widgets = new RankedWidget[WIDGETS.length];
    for (int k = 0; k < WIDGETS.length; k++) {
      RankedWidget w = new RankedWidget();
      w.id = WIDGETS[k];
      w.rank = k + 1;
      w.score = rnd.nextDouble() / 3;
      a.widgets[k] = w;
    }
    a.offers = new Offer[0];
    a.context = StringMap.of("EVENT_OF_INTEREST", "NONE");
    a.decidedBy = DecidedBy.LOCAL;
    a.moment = DecisionMoment.JOIN;
    a.fromCache = false;
    return a;
  }

  /** The first media-context and viewer-action records of a replay's output folder, interleaved 3:2. */
  private static Object[] fromOutputs(Path folder, int count) throws IOException, RecordException {
    List<Object> contexts = read(folder.resolve("media-context.jsonl"), MediaContext.class, count * 3 / 5);
    List<Object> actions = read(folder.resolve("viewer-actions.jsonl"), ViewerAction.class, count * 2 / 5);
    List<Object> mixed = new ArrayList<>(contexts.size() + actions.size());
    int c = 0;
    int a = 0;
    while (c < contexts.size() || a < actions.size()) {
      for (int k = 0; k < 3 && c < contexts.size(); k++) {
        mixed.add(contexts.get(c++));
      }
      for (int k = 0; k < 2 && a < actions.size(); k++) {
        mixed.add(actions.get(a++));
      }
    }
    return mixed.toArray();
  }

  private static List<Object> read(Path file, Class<?> type, int limit)
      throws IOException, RecordException {
    List<Object> records = new ArrayList<>();
    try (Stream<String> lines = Files.lines(file)) {
      for (String line : (Iterable<String>) lines.limit(limit)::iterator) {
        records.add(RecordCodec.decode(line, type));
      }
    }
    return records;
  }
}
