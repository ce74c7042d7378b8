package io.cuepoint.connectors.personalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cuepoint.operators.viewer.ViewerFeedback;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/** Turns a viewer's interaction into an event for the tracker. */
final class FeedbackEvents implements ElementConverter<ViewerFeedback, FeedbackEvent> {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public FeedbackEvent apply(ViewerFeedback f, SinkWriter.Context context) {
    return new FeedbackEvent(
        f.viewerId,
        f.sessionId,
        f.viewerId + "-" + f.eventTime + "-" + f.itemId + "-" + f.eventType,
        f.eventType,
        f.itemId,
        f.eventTime,
        properties(f),
        0);
  }

  /**
   * Personalize reads an interaction's context columns from the event's properties under their
   * camelCase names: MATCH_PHASE becomes matchPhase.
   */
  static String properties(ViewerFeedback f) {
    TreeMap<String, String> p = new TreeMap<>();
    if (f.context != null) {
      for (int i = 0; i < f.context.keys.length; i++) {
        p.put(camelCase(f.context.keys[i]), f.context.values[i]);
      }
    }
    try {
      return JSON.writeValueAsString(p);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of texts is always JSON", e);
    }
  }

  static String camelCase(String column) {
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = b.length() > 0;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }
}
