package io.cuepoint.jobs.report;

import io.cuepoint.schemas.records.Overlay;
import io.cuepoint.schemas.records.OverlayAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The overlay decisions of one IVS channel, paired into SHOW→CLEAR spans once all are read:
 * output files are written by parallel tasks, so their lines are not in event-time order.
 */
final class OverlayTrack {
  private static final Comparator<Overlay> IN_ORDER =
      Comparator.<Overlay>comparingLong(o -> o.eventTime)
          // At one instant a CLEAR ends the old overlay before a SHOW starts the next.
          .thenComparing(o -> o.action == OverlayAction.CLEAR ? 0 : 1)
          .thenComparing(o -> o.overlayId == null ? "" : o.overlayId);

  final String channelArn;
  private final List<Overlay> decisions = new ArrayList<>();

  OverlayTrack(String channelArn) {
    this.channelArn = channelArn;
  }

  /** Keeps the decision with its record text, for the tooltip, in {@code payload}'s place. */
  void add(Overlay overlay, String line) {
    Overlay kept = new Overlay();
    kept.overlayId = overlay.overlayId;
    kept.action = overlay.action;
    kept.status = overlay.status;
    kept.productId = overlay.productId;
    kept.eventTime = overlay.eventTime;
    kept.payload = overlay.action == OverlayAction.RESEND ? null : RecordText.of(line);
    decisions.add(kept);
  }

  int decisions() {
    return decisions.size();
  }

  /** The spans in event-time order; a span still open at the end has no {@code clear}. */
  List<OverlaySpan> spans() {
    decisions.sort(IN_ORDER);
    List<OverlaySpan> spans = new ArrayList<>();
    OverlaySpan open = null;
    for (Overlay d : decisions) {
      switch (d.action) {
        case SHOW:
          if (open != null) {
            open.replacedAt = d.eventTime;
          }
          open = new OverlaySpan(d);
          spans.add(open);
          break;
        case RESEND:
          if (open == null) {
            open = new OverlaySpan(d);
            spans.add(open);
          } else {
            open.resends++;
          }
          break;
        case CLEAR:
          if (open != null) {
            open.clear = d;
            open = null;
          }
          break;
        default:
          throw new IllegalStateException("unknown overlay action " + d.action);
      }
    }
    return spans;
  }
}
