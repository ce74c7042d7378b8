package io.cuepoint.jobs.report;

import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchPhase;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import io.cuepoint.schemas.records.OverlayStatus;
import io.cuepoint.schemas.records.RankedWidget;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerAction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a replay's output folder (and recording) record by record, for tests: every stream
 * file exists, empty unless records were added.
 */
final class OutputFolder implements AutoCloseable {
  static final long T0 = 1_780_167_600_000L;
  static final String CHANNEL = "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEf123456";

  private final Map<StreamName, BufferedWriter> writers = new EnumMap<>(StreamName.class);

  OutputFolder(Path output, Path input) throws IOException {
    Files.createDirectories(output);
    Files.createDirectories(input);
    for (StreamName s : StreamName.values()) {
      Path dir = s.isInput() ? input : output;
      writers.put(s, Files.newBufferedWriter(dir.resolve(s.fileName()), StandardCharsets.UTF_8));
    }
  }

  OutputFolder add(StreamName stream, Object record) {
    return raw(stream, RecordCodec.encode(record));
  }

  OutputFolder raw(StreamName stream, String line) {
    try {
      BufferedWriter w = writers.get(stream);
      w.write(line);
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  @Override
  public void close() throws IOException {
    for (BufferedWriter w : writers.values()) {
      w.close();
    }
  }

  static Segment segment(String media, long positionMs) {
    Segment s = new Segment();
    s.mediaId = media;
    s.channelArn = CHANNEL;
    s.segmentUrl = "https://cdn.example.com/" + media + "/seg" + positionMs / 6000 + ".ts";
    s.sequence = positionMs / 6000;
    s.durationMs = 6000L;
    s.positionMs = positionMs;
    s.eventTime = T0 + positionMs;
    return s;
  }

  /** A 15 s window ending at {@code endMs}, with the products and labels given. */
  static MediaContext window(String media, long endMs, String[] products, String[] labels) {
    MediaContext c = new MediaContext();
    c.mediaId = media;
    c.id = media + ":" + (T0 + endMs);
    c.positionMs = endMs;
    c.windowEndMs = endMs;
    c.windowStartMs = Math.max(0, endMs - 15_000);
    c.eventTime = T0 + endMs;
    c.products = items(products, 90);
    c.labels = items(labels, 80);
    c.celebrities = new ContextItem[0];
    c.eventsOfInterest = new EventOfInterest[0];
    return c;
  }

  static MatchSnapshot snapshot(int home, int away, MatchPhase phase) {
    MatchSnapshot m = new MatchSnapshot();
    m.home = home;
    m.away = away;
    m.minute = 90;
    m.phase = phase;
    return m;
  }

  static ContextItem[] items(String[] names, double confidence) {
    ContextItem[] items = new ContextItem[names.length];
    for (int i = 0; i < names.length; i++) {
      items[i] = new ContextItem();
      items[i].name = names[i];
      items[i].confidence = confidence;
      items[i].frames = 2;
    }
    return items;
  }

  static MatchEvent matchEvent(String media, String id, MatchEventType type, long atMs) {
    MatchEvent e = new MatchEvent();
    e.mediaId = media;
    e.eventId = id;
    e.type = type;
    e.eventTime = T0 + atMs;
    e.matchMinute = (int) (atMs / 60_000);
    return e;
  }

  static EventOfInterest eventOfInterest(String media, EventOfInterestType type, long atMs) {
    EventOfInterest e = new EventOfInterest();
    e.id = media + ":" + type + ":" + atMs;
    e.mediaId = media;
    e.type = type;
    e.eventTime = T0 + atMs;
    e.matchMinute = (int) (atMs / 60_000);
    e.evidence = new String[] {"ev-" + atMs};
    e.attributes = StringMap.of("why", "test");
    return e;
  }

  static Overlay overlay(String media, OverlayAction action, String product, long atMs, OverlayStatus status) {
    Overlay o = new Overlay();
    o.overlayId = "ov-" + product;
    o.channelArn = CHANNEL;
    o.mediaId = media;
    o.action = action;
    o.productId = product;
    o.payload = "{\"productId\":\"" + product + "\"}";
    o.eventTime = T0 + atMs;
    o.status = status;
    return o;
  }

  static ViewerAction viewerAction(
      String media, String viewer, long positionMs, DecidedBy by, String... widgets) {
    ViewerAction a = new ViewerAction();
    a.id = viewer + ":" + media + ":" + positionMs;
    a.viewerId = viewer;
    a.mediaId = media;
    a.eventTime = T0 + positionMs + 3000;
    a.positionMs = positionMs;
    a.widgets = new RankedWidget[widgets.length];
    // Listed best first, stored in reverse: the report must go by rank, not by order.
    for (int i = 0; i < widgets.length; i++) {
      RankedWidget w = new RankedWidget();
      w.id = widgets[i];
      w.rank = i;
      w.score = 1.0 - i * 0.1;
      a.widgets[widgets.length - 1 - i] = w;
    }
    Offer offer = new Offer();
    offer.productId = "p-1";
    offer.discountPercent = 10.0;
    a.offers = new Offer[] {offer};
    a.context = StringMap.of("matchPhase", "SECOND_HALF");
    a.decidedBy = by;
    return a;
  }

  static DeadLetter deadLetter(String input, String error, String raw) {
    DeadLetter d = new DeadLetter();
    d.input = input;
    d.error = error;
    d.raw = raw;
    d.receivedAt = T0;
    return d;
  }
}
