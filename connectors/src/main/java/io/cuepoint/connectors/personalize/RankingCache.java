package io.cuepoint.connectors.personalize;

import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.RankedWidget;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Personalize rankings kept for a short time by viewer segment and context, to serve viewers
 * beyond the call budget. Least recently used entries go first when it is full.
 */
final class RankingCache {
  /** A cached ranking. */
  static final class Ranking {
    final RankedWidget[] widgets;
    final Offer[] offers;
    final long expiresAtNanos;

    Ranking(RankedWidget[] widgets, Offer[] offers, long expiresAtNanos) {
      this.widgets = widgets;
      this.offers = offers;
      this.expiresAtNanos = expiresAtNanos;
    }
  }

  private final long ttlNanos;
  private final Map<String, Ranking> entries;

  RankingCache(long ttlMs, int maxEntries) {
    this.ttlNanos = ttlMs * 1_000_000L;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Ranking> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** Whether rankings are kept at all: with a TTL of 0 there is no key worth building. */
  boolean keeps() {
    return ttlNanos > 0;
  }

  synchronized Ranking get(String key, long nowNanos) {
    Ranking r = entries.get(key);
    if (r != null && r.expiresAtNanos - nowNanos <= 0) {
      entries.remove(key);
      return null;
    }
    return r;
  }

  synchronized void put(String key, RankedWidget[] widgets, Offer[] offers, long nowNanos) {
    if (ttlNanos > 0) {
      entries.put(key, new Ranking(widgets, offers, nowNanos + ttlNanos));
    }
  }
}
