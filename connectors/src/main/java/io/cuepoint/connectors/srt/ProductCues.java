package io.cuepoint.connectors.srt;

import com.fasterxml.jackson.databind.JsonNode;
import io.cuepoint.schemas.codec.DeadLetters;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.codec.RecordCodec;
import io.cuepoint.schemas.codec.RecordValidation;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.Detection;
import io.cuepoint.schemas.records.DetectionItem;
import io.cuepoint.schemas.records.ItemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Product cues of a pre-recorded shopping video, as the retail demo's videos carry them: SRT cues
 * whose text is {@code {"productId": ...}} (text or a whole number). Each cue becomes a {@code
 * PRODUCT} detection (confidence 100, source {@code srt}) at the cue's start: position = cue start,
 * event time = the stream's start + cue start. A cue that is not such a JSON object, and a block
 * that is not a cue, become dead letters.
 */
public final class ProductCues {
  public static final String SOURCE = "srt";

  public final List<Detection> detections;
  public final List<DeadLetter> deadLetters;

  private ProductCues(List<Detection> detections, List<DeadLetter> deadLetters) {
    this.detections = Collections.unmodifiableList(detections);
    this.deadLetters = Collections.unmodifiableList(deadLetters);
  }

  /**
   * @param input names the file in dead letters
   * @param streamStartMs epoch milliseconds of the stream position 0
   * @param receivedAt processing time stamped on the dead letters
   */
  public static ProductCues read(
      String srtText, String mediaId, long streamStartMs, String input, long receivedAt) {
    SrtFile srt = SrtFile.parse(srtText);
    List<Detection> detections = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    for (SrtFile.Problem p : srt.problems) {
      dead.add(DeadLetters.of(input, "line " + p.line + ": " + p.reason, p.raw, receivedAt));
    }
    for (SrtCue cue : srt.cues) {
      String productId;
      try {
        productId = productId(cue.text);
      } catch (IllegalArgumentException e) {
        dead.add(DeadLetters.of(input, "cue " + cue.index + ": " + e.getMessage(), cue.text, receivedAt));
        continue;
      }
      Detection d = detection(mediaId, streamStartMs, cue, productId);
      try {
        RecordValidation.validate(d);
      } catch (RecordException e) {
        dead.add(DeadLetters.of(input, "cue " + cue.index + ": " + e.getMessage(), cue.text, receivedAt));
        continue;
      }
      detections.add(d);
    }
    return new ProductCues(detections, dead);
  }

  private static String productId(String text) {
    JsonNode json;
    try {
      json = RecordCodec.mapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("text is not JSON: " + firstLine(text));
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("text is not a JSON object");
    }
    JsonNode id = json.get("productId");
    if (id == null || id.isNull()) {
      throw new IllegalArgumentException("no productId");
    }
    if (id.isTextual() && !id.asText().isBlank()) {
      return id.asText().trim();
    }
    if (id.isIntegralNumber()) {
      return id.bigIntegerValue().toString();
    }
    throw new IllegalArgumentException("productId must be text or a whole number");
  }

  private static Detection detection(String mediaId, long streamStartMs, SrtCue cue, String productId) {
    DetectionItem item = new DetectionItem();
    item.kind = ItemKind.PRODUCT;
    item.name = productId;
    item.confidence = 100.0;
    Detection d = new Detection();
    d.mediaId = mediaId;
    d.positionMs = cue.startMs;
    d.eventTime = streamStartMs + cue.startMs;
    d.source = SOURCE;
    d.items = new DetectionItem[] {item};
    return d;
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
