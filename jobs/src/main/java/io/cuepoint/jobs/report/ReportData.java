package io.cuepoint.jobs.report;

import io.cuepoint.schemas.StreamName;
import io.cuepoint.schemas.codec.RecordException;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.Segment;
import io.cuepoint.schemas.records.ViewerAction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay's output folder (and, when given, its input folder) holds, read once, each file
 * in one streaming pass, into aggregates whose size depends on the length of the streams and the
 * number of distinct things in them, not on the number of records.
 */
final class ReportData {
  final Path output;
  /** Null when the report is built without the recording. */
  final Path input;
  final Map<String, MediaAggregate> media = new TreeMap<>();
  final Map<StreamName, RecordLines.Count> counts = new EnumMap<>(StreamName.class);
  final DeadLetterReasons deadLetters = new DeadLetterReasons();
  /** Overlay decisions by status, and by action. */
  final Map<String, Long> overlaysByStatus = new TreeMap<>();
  final Map<String, Long> overlaysByAction = new TreeMap<>();
  final Map<String, Long> decisionsByRanker = new TreeMap<>();

  private ReportData(Path output, Path input) {
    this.output = output;
    this.input = input;
  }

  static ReportData collect(Path output, Path input) throws IOException {
    ReportData data = new ReportData(output, input);
    data.readInputs();
    data.readOutputs();
    return data;
  }

  private void readInputs() throws IOException {
    if (input == null) {
      return;
    }
    counts.put(
        StreamName.SEGMENTS,
        RecordLines.read(
            file(input, StreamName.SEGMENTS),
            Segment.class,
            (s, line) -> media(s.mediaId).segment(s)));
    counts.put(
        StreamName.MATCH_EVENTS,
        RecordLines.read(
            file(input, StreamName.MATCH_EVENTS),
            MatchEvent.class,
            (e, line) -> media(e.mediaId).matchEvent(e, line)));
    counts.put(StreamName.DETECTIONS, RecordLines.countLines(file(input, StreamName.DETECTIONS)));
    counts.put(StreamName.VIEWER_EVENTS, RecordLines.countLines(file(input, StreamName.VIEWER_EVENTS)));
  }

  private void readOutputs() throws IOException {
    counts.put(
        StreamName.MEDIA_CONTEXT,
        RecordLines.read(
            file(output, StreamName.MEDIA_CONTEXT),
            MediaContext.class,
            (c, line) -> media(c.mediaId).mediaContext(c)));
    counts.put(
        StreamName.EVENTS_OF_INTEREST,
        RecordLines.read(
            file(output, StreamName.EVENTS_OF_INTEREST),
            EventOfInterest.class,
            (e, line) -> media(e.mediaId).eventOfInterest(e, line)));
    counts.put(
        StreamName.OVERLAYS,
        RecordLines.read(
            file(output, StreamName.OVERLAYS),
            Overlay.class,
            (o, line) -> {
              media(o.mediaId).overlay(o, line);
              overlaysByStatus.merge(o.status.name(), 1L, Long::sum);
              overlaysByAction.merge(o.action.name(), 1L, Long::sum);
            }));
    counts.put(
        StreamName.VIEWER_ACTIONS,
        RecordLines.read(
            file(output, StreamName.VIEWER_ACTIONS),
            ViewerAction.class,
            (a, line) -> {
              media(a.mediaId).viewerAction(a);
              decisionsByRanker.merge(a.decidedBy.name(), 1L, Long::sum);
            }));
    counts.put(StreamName.SHOPPABLE, RecordLines.countLines(file(output, StreamName.SHOPPABLE)));
    counts.put(
        StreamName.DEAD_LETTERS,
        RecordLines.read(
            file(output, StreamName.DEAD_LETTERS),
            DeadLetter.class,
            (d, line) -> deadLetters.add(d.input, d.error)));
  }

  private MediaAggregate media(String mediaId) throws RecordException {
    return media.computeIfAbsent(RecordLines.require("mediaId", mediaId), MediaAggregate::new);
  }

  private static Path file(Path dir, StreamName stream) {
    return dir.resolve(stream.fileName());
  }
}
