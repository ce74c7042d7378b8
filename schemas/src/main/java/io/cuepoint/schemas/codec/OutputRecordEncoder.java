package io.cuepoint.schemas.codec;

import io.cuepoint.schemas.records.ContextItem;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.RankedWidget;
import io.cuepoint.schemas.records.ShoppableSpan;
import io.cuepoint.schemas.records.StringMap;
import io.cuepoint.schemas.records.ViewerAction;
import java.util.Arrays;

/**
 * Writes the job's output records as JSON, byte for byte what {@link RecordCodec#encode} writes,
 * at a fraction of its cost: the fields of each output type are written in the order Jackson
 * writes them (declaration order), straight into a reused buffer, instead of through Jackson's
 * reflective bean serializers and generator. Any other type, and any record this encoder cannot
 * write (a malformed {@link StringMap}), goes to {@link RecordCodec#encode}, so behaviour outside
 * the fast path is Jackson's. {@code OutputRecordEncoderTest} holds the two to the same bytes.
 *
 * <p>Not thread-safe: one per operator instance.
 */
public final class OutputRecordEncoder {
  // A context item with all its fields is the bulk of a media context: its text between the
  // values comes in three ready-made pieces.
  private static final char[] ITEM_NAME = "{\"name\":\"".toCharArray();
  private static final char[] ITEM_CONFIDENCE = "\",\"confidence\":".toCharArray();
  private static final char[] ITEM_FRAMES = ",\"frames\":".toCharArray();

  private final JsonLine json = new JsonLine();

  // The viewers of one occasion are decided one after the other and share their ranking, offers
  // and context: the text of the last ones written is written again when the next are equal
  // (equal fields write equal text). Compared with copies, so a record changed after it was
  // written cannot make a stale text look current.
  private RankedWidget[] lastWidgets;
  private char[] lastWidgetsText;
  private Offer[] lastOffers;
  private char[] lastOffersText;
  private StringMap lastContext;
  private char[] lastContextText;

  /** Writes one record as a single line of JSON. */
  public String encode(Object record) {
    Class<?> type = record.getClass();
    try {
      if (type == MediaContext.class) {
        mediaContext((MediaContext) record);
      } else if (type == ViewerAction.class) {
        viewerAction((ViewerAction) record);
      } else if (type == EventOfInterest.class) {
        eventOfInterest((EventOfInterest) record);
      } else if (type == Overlay.class) {
        overlay((Overlay) record);
      } else if (type == ShoppableSpan.class) {
        shoppableSpan((ShoppableSpan) record);
      } else if (type == DeadLetter.class) {
        deadLetter((DeadLetter) record);
      } else {
        return RecordCodec.encode(record);
      }
    } catch (RuntimeException malformed) {
      json.clear();
      return RecordCodec.encode(record);
    }
    return json.take();
  }

  private void mediaContext(MediaContext r) {
    json.startObject();
    json.field("\"id\":", r.id);
    json.field("\"mediaId\":", r.mediaId);
    json.field("\"positionMs\":", r.positionMs);
    json.field("\"windowStartMs\":", r.windowStartMs);
    json.field("\"windowEndMs\":", r.windowEndMs);
    json.field("\"eventTime\":", r.eventTime);
    contextItems("\"labels\":", r.labels);
    contextItems("\"celebrities\":", r.celebrities);
    contextItems("\"products\":", r.products);
    if (r.match != null) {
      json.field("\"match\":");
      matchSnapshot(r.match);
    }
    if (r.eventsOfInterest != null) {
      json.field("\"eventsOfInterest\":");
      json.startArray();
      for (EventOfInterest e : r.eventsOfInterest) {
        json.next();
        if (e == null) {
          json.nullValue();
        } else {
          eventOfInterest(e);
        }
      }
      json.endArray();
    }
    json.endObject();
  }

  private void contextItems(String prefix, ContextItem[] items) {
    if (items == null) {
      return;
    }
    json.field(prefix);
    json.startArray();
    for (ContextItem item : items) {
      json.next();
      if (item == null) {
        json.nullValue();
      } else if (item.name != null && item.confidence != null && item.frames != null) {
        json.raw(ITEM_NAME);
        json.unquoted(item.name);
        json.raw(ITEM_CONFIDENCE);
        json.number(item.confidence.doubleValue());
        json.raw(ITEM_FRAMES);
        json.number(item.frames.intValue());
        json.endObject();
      } else {
        json.startObject();
        json.field("\"name\":", item.name);
        json.field("\"confidence\":", item.confidence);
        json.field("\"frames\":", item.frames);
        json.endObject();
      }
    }
    json.endArray();
  }

  private void matchSnapshot(MatchSnapshot m) {
    json.startObject();
    json.field("\"minute\":", m.minute);
    json.field("\"home\":", m.home);
    json.field("\"away\":", m.away);
    json.field("\"phase\":", m.phase);
    json.field("\"lastEvent\":", m.lastEvent);
    json.endObject();
  }

  private void eventOfInterest(EventOfInterest e) {
    json.startObject();
    json.field("\"id\":", e.id);
    json.field("\"mediaId\":", e.mediaId);
    json.field("\"type\":", e.type);
    json.field("\"eventTime\":", e.eventTime);
    json.field("\"matchMinute\":", e.matchMinute);
    if (e.evidence != null) {
      json.field("\"evidence\":");
      json.startArray();
      for (String id : e.evidence) {
        json.next();
        json.string(id);
      }
      json.endArray();
    }
    stringMap("\"attributes\":", e.attributes);
    json.endObject();
  }

  private void viewerAction(ViewerAction a) {
    json.startObject();
    json.field("\"id\":", a.id);
    json.field("\"viewerId\":", a.viewerId);
    json.field("\"mediaId\":", a.mediaId);
    json.field("\"eventTime\":", a.eventTime);
    json.field("\"positionMs\":", a.positionMs);
    if (a.widgets != null) {
      json.field("\"widgets\":");
      widgets(a.widgets);
    }
    if (a.offers != null) {
      json.field("\"offers\":");
      offers(a.offers);
    }
    if (a.context != null) {
      json.field("\"context\":");
      actionContext(a.context);
    }
    json.field("\"decidedBy\":", a.decidedBy);
    json.field("\"moment\":", a.moment);
    json.field("\"fromCache\":", a.fromCache);
    json.endObject();
  }

  /** The widgets, or the text of the last action's when they are equal to them. */
  private void widgets(RankedWidget[] widgets) {
    if (Arrays.equals(widgets, lastWidgets)) {
      json.raw(lastWidgetsText);
      return;
    }
    int mark = json.mark();
    json.startArray();
    for (RankedWidget w : widgets) {
      json.next();
      if (w == null) {
        json.nullValue();
      } else {
        json.startObject();
        json.field("\"id\":", w.id);
        json.field("\"rank\":", w.rank);
        json.field("\"score\":", w.score);
        json.endObject();
      }
    }
    json.endArray();
    lastWidgetsText = json.since(mark);
    lastWidgets = new RankedWidget[widgets.length];
    for (int i = 0; i < widgets.length; i++) {
      lastWidgets[i] = widgets[i] == null ? null : copy(widgets[i]);
    }
  }

  /** The offers, or the text of the last action's when they are equal to them. */
  private void offers(Offer[] offers) {
    if (Arrays.equals(offers, lastOffers)) {
      json.raw(lastOffersText);
      return;
    }
    int mark = json.mark();
    json.startArray();
    for (Offer o : offers) {
      json.next();
      if (o == null) {
        json.nullValue();
      } else {
        json.startObject();
        json.field("\"productId\":", o.productId);
        json.field("\"discountPercent\":", o.discountPercent);
        json.endObject();
      }
    }
    json.endArray();
    lastOffersText = json.since(mark);
    lastOffers = new Offer[offers.length];
    for (int i = 0; i < offers.length; i++) {
      lastOffers[i] = offers[i] == null ? null : copy(offers[i]);
    }
  }

  /** The context, or the text of the last action's when it is equal to it. */
  private void actionContext(StringMap context) {
    if (lastContext != null && Arrays.equals(context.keys, lastContext.keys)
        && Arrays.equals(context.values, lastContext.values)) {
      json.raw(lastContextText);
      return;
    }
    int mark = json.mark();
    stringMapObject(context);
    lastContextText = json.since(mark);
    lastContext = new StringMap();
    lastContext.keys = context.keys.clone();
    lastContext.values = context.values.clone();
  }

  private static RankedWidget copy(RankedWidget w) {
    RankedWidget c = new RankedWidget();
    c.id = w.id;
    c.rank = w.rank;
    c.score = w.score;
    return c;
  }

  private static Offer copy(Offer o) {
    Offer c = new Offer();
    c.productId = o.productId;
    c.discountPercent = o.discountPercent;
    return c;
  }

  private void overlay(Overlay o) {
    json.startObject();
    json.field("\"overlayId\":", o.overlayId);
    json.field("\"channelArn\":", o.channelArn);
    json.field("\"mediaId\":", o.mediaId);
    json.field("\"action\":", o.action);
    json.field("\"productId\":", o.productId);
    json.field("\"payload\":", o.payload);
    json.field("\"eventTime\":", o.eventTime);
    json.field("\"status\":", o.status);
    json.field("\"attempts\":", o.attempts);
    json.field("\"error\":", o.error);
    json.endObject();
  }

  private void shoppableSpan(ShoppableSpan s) {
    json.startObject();
    json.field("\"mediaId\":", s.mediaId);
    json.field("\"productId\":", s.productId);
    json.field("\"fromMs\":", s.fromMs);
    json.field("\"toMs\":", s.toMs);
    json.field("\"bestSimilarity\":", s.bestSimilarity);
    json.endObject();
  }

  private void deadLetter(DeadLetter d) {
    json.startObject();
    json.field("\"id\":", d.id);
    json.field("\"input\":", d.input);
    json.field("\"error\":", d.error);
    json.field("\"raw\":", d.raw);
    json.field("\"receivedAt\":", d.receivedAt);
    json.endObject();
  }

  /** As {@link StringMap.Writer}: the entries in their (sorted) array order. */
  private void stringMap(String prefix, StringMap map) {
    if (map == null) {
      return;
    }
    json.field(prefix);
    stringMapObject(map);
  }

  private void stringMapObject(StringMap map) {
    String[] keys = map.keys;
    String[] values = map.values;
    if (keys == null || values == null || values.length < keys.length) {
      throw new IllegalArgumentException("malformed StringMap");
    }
    json.startObject();
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == null) {
        throw new IllegalArgumentException("StringMap with a null key");
      }
      json.fieldNamed(keys[i]);
      json.string(values[i]);
    }
    json.endObject();
  }
}
