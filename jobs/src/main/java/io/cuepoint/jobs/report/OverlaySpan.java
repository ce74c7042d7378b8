package io.cuepoint.jobs.report;

import io.cuepoint.schemas.records.Overlay;

/** An overlay from its SHOW to its CLEAR (or to the next SHOW that replaced it, or to the end). */
final class OverlaySpan {
  /** The SHOW, or the RESEND that found no overlay showing. */
  final Overlay show;
  Overlay clear;
  /** Event time of the SHOW that replaced this overlay without a CLEAR. */
  Long replacedAt;
  int resends;

  OverlaySpan(Overlay show) {
    this.show = show;
  }

  /** Event time it ended, or null while it was still showing at the end of the outputs. */
  Long endTime() {
    return clear != null ? clear.eventTime : replacedAt;
  }
}
