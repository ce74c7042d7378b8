package io.cuepoint.operators.match;

import io.cuepoint.schemas.records.EventOfInterest;
import io.cuepoint.schemas.records.EventOfInterestType;
import io.cuepoint.schemas.records.MatchEvent;
import io.cuepoint.schemas.records.MatchEventType;
import io.cuepoint.schemas.records.MatchSnapshot;
import io.cuepoint.schemas.records.StringMap;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Raises SOCIAL_SURGE when the posts of the last window reach a minimum and a multiple of the
 * baseline rate before it, then stays quiet for a cooldown. Windows are counted in whole seconds:
 * the post's own second is the newest second of the recent window.
 */
final class SocialSurgeRule implements EventOfInterestRule {
  private static final long serialVersionUID = 1L;

  private final long windowSeconds;
  private final long baselineSeconds;
  private final double factor;
  private final int minPosts;
  private final long cooldownMs;

  private transient ValueState<PostCounts> postCounts;
  private transient ValueState<Long> lastSurgeAt;

  SocialSurgeRule(EventsOfInterestSettings settings) {
    this.windowSeconds = settings.socialSurgeWindowMs / 1000;
    this.baselineSeconds = settings.socialSurgeBaselineMs / 1000;
    this.factor = settings.socialSurgeFactor;
    this.minPosts = settings.socialSurgeMinPosts;
    this.cooldownMs = settings.socialSurgeCooldownMs;
  }

  @Override
  public EventOfInterestType type() {
    return EventOfInterestType.SOCIAL_SURGE;
  }

  @Override
  public void open(RuntimeContext context) {
    postCounts =
        context.getState(
            new ValueStateDescriptor<>(
                "socialPostsPerSecond", TypeInformation.of(PostCounts.class)));
    lastSurgeAt = context.getState(new ValueStateDescriptor<>("lastSocialSurgeAt", Types.LONG));
  }

  @Override
  public EventOfInterest onEvent(MatchEvent event, MatchSnapshot after) throws Exception {
    if (event.type != MatchEventType.SOCIAL_POST) {
      return null;
    }
    long second = Math.floorDiv(event.eventTime, 1000L);
    long recentFrom = second - windowSeconds + 1;
    long baselineFrom = recentFrom - baselineSeconds;
    PostCounts counts = postCounts.value();
    if (counts == null) {
      counts = new PostCounts();
    }
    counts.add(second);
    counts.dropBefore(baselineFrom);
    postCounts.update(counts);

    int recent = counts.sum(recentFrom, second);
    double baselinePerWindow =
        counts.sum(baselineFrom, recentFrom - 1) * (double) windowSeconds / baselineSeconds;
    if (recent < minPosts || recent < factor * baselinePerWindow) {
      return null;
    }
    Long lastSurge = lastSurgeAt.value();
    if (lastSurge != null && lastSurge > event.eventTime - cooldownMs) {
      return null;
    }
    lastSurgeAt.update(event.eventTime);
    return EventsOfInterest.raise(
        type(),
        event,
        new String[] {event.eventId},
        StringMap.of(
            "postsLastMinute", String.valueOf(recent),
            "baselinePerMinute", EventsOfInterest.decimal(baselinePerWindow)));
  }

  @Override
  public void clear() {
    postCounts.clear();
    lastSurgeAt.clear();
  }
}
