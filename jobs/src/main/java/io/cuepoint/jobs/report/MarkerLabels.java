package io.cuepoint.jobs.report;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.StringMap;
import java.util.Locale;

/** The one line shown beside a mark: "87' GOAL Kwame Asante (HOME) 2-2". */
final class MarkerLabels {
  private MarkerLabels() {}

  static String of(MatchEvent e) {
    StringBuilder label = new StringBuilder(minute(attribute(e.attributes, "display"), e.matchMinute));
    label.append(words(e.type.name()));
    String player = attribute(e.attributes, "player");
    String off = attribute(e.attributes, "playerOff");
    String on = attribute(e.attributes, "playerOn");
    if (player != null) {
      label.append(' ').append(player);
    } else if (off != null && on != null) {
      label.append(' ').append(off).append(" → ").append(on);
    }
    if (e.team != null) {
      label.append(" (").append(e.team.name().toLowerCase(Locale.ROOT)).append(')');
    }
    if (e.score != null && e.score.home != null && e.score.away != null) {
      label.append(' ').append(e.score.home).append('-').append(e.score.away);
    }
    return label.toString();
  }

  static String of(EventOfInterest e) {
    StringBuilder label = new StringBuilder(minute(null, e.matchMinute));
    label.append(words(e.type.name()));
    if (e.attributes != null && e.attributes.size() > 0) {
      label.append(" (");
      for (int i = 0; i < e.attributes.keys.length; i++) {
        if (i > 0) {
          label.append(", ");
        }
        label.append(e.attributes.keys[i]).append(' ').append(e.attributes.values[i]);
      }
      label.append(')');
    }
    return label.toString();
  }

  private static String minute(String display, Integer minute) {
    if (display != null) {
      return display + " ";
    }
    return minute == null ? "" : minute + "' ";
  }

  private static String words(String constant) {
    return constant.replace('_', ' ');
  }

  private static String attribute(StringMap attributes, String key) {
    return attributes == null ? null : attributes.get(key);
  }
}
