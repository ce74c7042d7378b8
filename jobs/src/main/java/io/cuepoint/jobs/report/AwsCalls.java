package io.cuepoint.jobs.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cuepoint.schemas.StreamName;
import java.util.Map;

/**
 * The calls each AWS service would have had in a live run, derived from what the replay wrote:
 * a replay calls no AWS service, so nothing here is measured.
 */
final class AwsCalls {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int KINESIS_PUT_RECORDS_BATCH = 500;
  private static final int DYNAMODB_BATCH_WRITE = 25;
  /** The overlay status of a decision that a newer one replaced before it went out. */
  private static final String NEVER_SENT = "SUPERSEDED";

  private AwsCalls() {}

  static ArrayNode of(ReportData data) {
    ArrayNode rows = JSON.arrayNode();
    long overlays = records(data, StreamName.OVERLAYS);
    long neverSent = data.overlaysByStatus.getOrDefault(NEVER_SENT, 0L);
    rows.add(
        row(
            "Amazon IVS",
            "PutMetadata",
            overlays - neverSent,
            "one call per overlay decision (overlays output): "
                + breakdown(data.overlaysByStatus)
                + ". DRY_RUN decisions are the calls this replay would have made; "
                + NEVER_SENT
                + " ones are never sent."));
    long decisions = records(data, StreamName.VIEWER_ACTIONS);
    rows.add(
        row(
            "Amazon Personalize",
            "GetPersonalizedRanking",
            decisions,
            "one ranking request per viewer decision (viewer-actions output): "
                + breakdown(data.decisionsByRanker)
                + ". LOCAL decisions went to the local ranker: without it they would have been"
                + " Personalize requests."));
    rows.add(
        row(
            "Amazon Rekognition",
            "DetectLabels, RecognizeCelebrities",
            0,
            "none yet: the recording's detections arrive already detected, and the job does not"
                + " analyse segment frames yet."));
    long media = records(data, StreamName.MEDIA_CONTEXT);
    rows.add(
        row(
            "Amazon DynamoDB",
            "BatchWriteItem",
            ceilDiv(media, DYNAMODB_BATCH_WRITE),
            String.format(
                "%,d timeline items (media-context output) when the timeline table is configured,"
                    + " at most %d per call.",
                media, DYNAMODB_BATCH_WRITE)));
    long written = 0;
    for (StreamName s : StreamName.values()) {
      if (!s.isInput()) {
        written += records(data, s);
      }
    }
    rows.add(
        row(
            "Amazon Kinesis Data Streams",
            "PutRecords",
            ceilDiv(written, KINESIS_PUT_RECORDS_BATCH),
            String.format(
                "%,d output records, at most %d per call; inputs are read by the Kinesis source"
                    + " (shard reads depend on batching, not counted).",
                written, KINESIS_PUT_RECORDS_BATCH)));
    return rows;
  }

  private static ObjectNode row(String service, String api, long calls, String basis) {
    ObjectNode row = JSON.objectNode();
    row.put("service", service);
    row.put("api", api);
    row.put("calls", calls);
    row.put("basis", basis);
    return row;
  }

  private static String breakdown(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "none in this replay";
    }
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (k, v) -> text.append(text.length() == 0 ? "" : ", ").append(String.format("%,d %s", v, k)));
    return text.toString();
  }

  private static long records(ReportData data, StreamName stream) {
    RecordLines.Count c = data.counts.get(stream);
    return c == null ? 0 : c.records;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
