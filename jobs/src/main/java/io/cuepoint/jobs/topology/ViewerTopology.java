package io.cuepoint.jobs.topology;

import io.cuepoint.connectors.personalize.PersonalizeEventsSink;
import io.cuepoint.connectors.personalize.PersonalizeRankingFunction;
import io.cuepoint.connectors.personalize.PersonalizeSettings;
import io.cuepoint.jobs.config.CuepointConfig;
import io.cuepoint.jobs.config.Settings;
import io.cuepoint.jobs.viewer.ViewerConfig;
import io.cuepoint.jobs.viewer.ViewerReferenceData;
import io.cuepoint.operators.io.DeadLetterTag;
import io.cuepoint.operators.io.EndOfEventTime;
import io.cuepoint.operators.match.MatchUpdate;
import io.cuepoint.operators.serialization.RecordTypes;
import io.cuepoint.operators.viewer.ContextMapBuilder;
import io.cuepoint.operators.viewer.DecisionRequest;
import io.cuepoint.operators.viewer.LiveUpdate;
import io.cuepoint.operators.viewer.LocalRanker;
import io.cuepoint.operators.viewer.LocalRankingOperator;
import io.cuepoint.operators.viewer.MatchUpdateToLive;
import io.cuepoint.operators.viewer.MediaContextToLive;
import io.cuepoint.operators.viewer.ViewerContextFunction;
import io.cuepoint.schemas.records.DeadLetter;
import io.cuepoint.schemas.records.MediaContext;
import io.cuepoint.schemas.records.ViewerAction;
import io.cuepoint.schemas.records.ViewerEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Per-viewer engagement: viewer events keyed by media meet the media's live context (match
 * updates and timeline windows); the business rules pick what each viewer may be offered when a
 * decision is due; Personalize (or the local ranker) ranks it into {@code viewer-actions}.
 * Interactions go to the Personalize event tracker when one is configured.
 */
public final class ViewerTopology {
  /**
   * One uid for the ranking operator with and without Personalize, so a savepoint restores across
   * the switch (see {@link LocalRankingOperator}).
   */
  private static final String RANKING_UID = "viewer-ranking";

  private static final String RANKING_NAME = "rank viewer decisions";

  private ViewerTopology() {}

  /**
   * @param deadLetters gets the viewer-context operator's dead letters
   * @return the viewer actions
   */
  public static DataStream<ViewerAction> wire(
      DataStream<ViewerEvent> viewerEvents,
      DataStream<MatchUpdate> matchUpdates,
      DataStream<MediaContext> mediaContext,
      CuepointConfig config,
      List<DataStream<DeadLetter>> deadLetters) {
    ViewerReferenceData data = ViewerReferenceData.load(config);
    PersonalizeSettings personalize = ViewerConfig.personalize(config);

    DataStream<LiveUpdate> live =
        matchUpdates
            .map(new MatchUpdateToLive(), RecordTypes.of(LiveUpdate.class))
            .uid("viewer-live-match")
            .name("live context: match")
            .union(
                mediaContext
                    .map(new MediaContextToLive(data.products), RecordTypes.of(LiveUpdate.class))
                    .uid("viewer-live-screen")
                    .name("live context: on screen"));

    SingleOutputStreamOperator<DecisionRequest> requests =
        viewerEvents
            .keyBy(e -> e.mediaId, Types.STRING)
            .connect(live.keyBy(u -> u.mediaId, Types.STRING))
            .process(
                new ViewerContextFunction(
                    ViewerConfig.viewerSettings(config),
                    data.widgets,
                    data.products,
                    new ContextMapBuilder(ViewerConfig.mediaAttributes(config))),
                TypeInformation.of(DecisionRequest.class))
            .uid("viewer-context")
            .name("viewer context");
    deadLetters.add(requests.getSideOutput(DeadLetterTag.DEAD_LETTERS));

    if (personalize.tracksEvents()) {
      requests
          .getSideOutput(ViewerContextFunction.FEEDBACK)
          .sinkTo(new PersonalizeEventsSink(personalize))
          .uid("personalize-events")
          .name("personalize events");
    }

    return rank(requests, personalize, data.ranker, config.get(Settings.PERSONALIZE_CAPACITY));
  }

  /**
   * The decisions ranked by Personalize (the local ranker when it fails or is out of budget), or by
   * the local ranker alone when no campaign is configured. Watermarks stop before the Personalize
   * calls: nothing after them reads event time, and with watermarks flowing one retried call would
   * hold back every decision behind the next watermark ({@link EndOfEventTime}).
   */
  static DataStream<ViewerAction> rank(
      DataStream<DecisionRequest> requests, PersonalizeSettings personalize, LocalRanker ranker, int capacity) {
    if (!personalize.ranks()) {
      return requests
          .transform(RANKING_NAME, TypeInformation.of(ViewerAction.class), new LocalRankingOperator(ranker))
          .uid(RANKING_UID);
    }
    return AsyncDataStream.unorderedWait(
            requests
                .transform("end of event time", requests.getType(), new EndOfEventTime<DecisionRequest>())
                .uid("viewer-end-of-event-time"),
            new PersonalizeRankingFunction(personalize, ranker),
            personalize.decisionTimeoutMs(),
            TimeUnit.MILLISECONDS,
            capacity)
        .uid(RANKING_UID)
        .name(RANKING_NAME);
  }
}
