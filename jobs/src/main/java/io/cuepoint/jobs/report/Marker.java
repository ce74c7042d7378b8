package io.cuepoint.jobs.report;

/** One record drawn as a mark of its own: a match event or an event of interest. */
final class Marker {
  final long eventTime;
  final String type;
  final String label;
  /** The record as it was written, long values cut (see {@link RecordText}). */
  final String record;

  Marker(long eventTime, String type, String label, String record) {
    this.eventTime = eventTime;
    this.type = type;
    this.label = label;
    this.record = record;
  }
}
