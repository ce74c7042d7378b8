package io.cuepoint.operators.viewer;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.StringMap;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the ranking context of one decision from the live state of the media and the viewer. The
 * key names are those of the interactions file's context columns ({@code MATCH_PHASE},
 * {@code SCORE_DIFF}, {@code EVENT_OF_INTEREST}), so Personalize and the local ranker read the
 * same context they were trained on.
 */
public final class ContextMapBuilder implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String MATCH_PHASE = "MATCH_PHASE";
  public static final String SCORE_DIFF = "SCORE_DIFF";
  public static final String LAST_EVENT = "LAST_EVENT";
  public static final String EVENT_OF_INTEREST = "EVENT_OF_INTEREST";
  public static final String FAVOURITE_TEAM = "FAVOURITE_TEAM";
  public static final String ON_SCREEN_PRODUCTS = "ON_SCREEN_PRODUCTS";
  public static final String TOP_LABELS = "TOP_LABELS";
  /** Added, with the discount percent, when ranking offers with a discount. */
  public static final String DISCOUNT = "DISCOUNT";

  static final String NONE = "NONE";

  /** Media id to its attributes from configuration (MATCH_TYPE, VENUE, ...). */
  private final Map<String, Map<String, String>> mediaAttributes;

  public ContextMapBuilder(Map<String, Map<String, String>> mediaAttributes) {
    this.mediaAttributes = mediaAttributes;
  }

  /**
   * @param trigger the event of interest the decision reacts to, or null
   */
  public StringMap build(String mediaId, LiveContext live, ViewerState viewer, EventOfInterest trigger) {
    return build(mediaId, live, viewer.favouriteTeam, trigger);
  }

  /**
   * The context of every viewer with this favourite team (null: none): all a context depends on
   * from the viewer.
   */
  StringMap build(String mediaId, LiveContext live, String favouriteTeam, EventOfInterest trigger) {
    Map<String, String> c = new LinkedHashMap<>();
    MatchSnapshot match = live == null ? null : live.match;
    if (match != null) {
      c.put(MATCH_PHASE, match.phase == null ? null : match.phase.name());
      c.put(SCORE_DIFF, scoreDifference(match));
      c.put(LAST_EVENT, match.lastEvent == null ? NONE : match.lastEvent.name());
      c.put(FAVOURITE_TEAM, favouriteTeam(match, favouriteTeam));
    }
    c.put(EVENT_OF_INTEREST, trigger == null ? NONE : trigger.type.name());
    if (live != null && live.products.length > 0) {
      c.put(ON_SCREEN_PRODUCTS, String.join(",", live.products));
    }
    if (live != null && live.labels.length > 0) {
      c.put(TOP_LABELS, String.join(",", live.labels));
    }
    Map<String, String> attributes = mediaAttributes.get(mediaId);
    if (attributes != null) {
      attributes.forEach(c::putIfAbsent);
    }
    return PersonalizeContext.sanitize(c);
  }

  /** LEVEL, ONE or TWO_PLUS goals between the teams. */
  static String scoreDifference(MatchSnapshot match) {
    int diff = Math.abs(nz(match.home) - nz(match.away));
    return diff == 0 ? "LEVEL" : diff == 1 ? "ONE" : "TWO_PLUS";
  }

  /** LEADING, TRAILING or LEVEL for a viewer with a favourite team; NONE otherwise. */
  static String favouriteTeam(MatchSnapshot match, String team) {
    if (team == null) {
      return NONE;
    }
    int ours = "HOME".equals(team) ? nz(match.home) : nz(match.away);
    int theirs = "HOME".equals(team) ? nz(match.away) : nz(match.home);
    return ours > theirs ? "LEADING" : ours < theirs ? "TRAILING" : "LEVEL";
  }

  private static int nz(Integer n) {
    return n == null ? 0 : n;
  }
}
