package io.cuepoint.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.schemas.StreamName;
import java.util.Map;

/** The data the page draws from, as one JSON object. */
final class ReportModel {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ReportModel() {}

  static ObjectNode of(ReportData data) {
    ObjectNode root = JSON.objectNode();
    root.put("output", data.output.toString());
    if (data.input != null) {
      root.put("input", data.input.toString());
    }
    root.set("streams", streams(data));
    root.set("deadLetters", deadLetters(data.deadLetters));
    ObjectNode overlays = root.putObject("overlays");
    overlays.set("byStatus", counts(data.overlaysByStatus));
    overlays.set("byAction", counts(data.overlaysByAction));
    root.set("decisionsByRanker", counts(data.decisionsByRanker));
    root.set("awsCalls", AwsCalls.of(data));
    ArrayNode media = root.putArray("media");
    for (MediaAggregate m : data.media.values()) {
      media.add(MediaModel.of(m));
    }
    return root;
  }

  private static ArrayNode streams(ReportData data) {
    ArrayNode rows = JSON.arrayNode();
    for (StreamName s : StreamName.values()) {
      RecordLines.Count c = data.counts.get(s);
      if (c == null) {
        continue;
      }
      ObjectNode row = rows.addObject();
      row.put("stream", s.id());
      row.put("direction", s.isInput() ? "in" : "out");
      row.put("present", c.present);
      row.put("records", c.records);
      row.put("unreadable", c.unreadable);
    }
    return rows;
  }

  private static ObjectNode deadLetters(DeadLetterReasons reasons) {
    ObjectNode n = JSON.objectNode();
    n.put("total", reasons.total());
    ArrayNode rows = n.putArray("reasons");
    for (DeadLetterReasons.Reason r : reasons.reasons()) {
      ObjectNode row = rows.addObject();
      row.put("reason", r.reason);
      row.put("count", r.count);
      row.put("example", r.example);
      row.set("byInput", counts(r.byInput));
    }
    return n;
  }

  private static ObjectNode counts(Map<String, Long> counts) {
    ObjectNode n = JSON.objectNode();
    counts.forEach(n::put);
    return n;
  }
}
