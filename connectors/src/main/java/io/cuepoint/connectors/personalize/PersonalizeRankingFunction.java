package io.cuepoint.connectors.personalize;

import io.cuepoint.operators.viewer.DecisionRequest;
import io.cuepoint.operators.viewer.LocalDecisions;
import io.cuepoint.operators.viewer.LocalRanker;
import io.cuepoint.operators.viewer.OfferUplift;
import io.cuepoint.operators.viewer.Ranking;
import io.cuepoint.operators.viewer.ViewerActions;
import io.cuepoint.schemas.records.DecidedBy;
import io.cuepoint.schemas.records.Offer;
import io.cuepoint.schemas.records.ViewerAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeAsyncClient;

/**
 * Ranks each decision with Amazon Personalize when it is configured, through Flink async I/O so
 * the task thread never waits: the eligible widgets by the widget campaign, and for offers the
 * related products twice by the offer campaign, with and without the discount in the context
 * (see {@link OfferUplift}). Calls are bounded by a budget of calls per second per subtask; a
 * decision over budget is served from a short-lived cache of an earlier ranking for the same
 * viewer segment and context, else by the local ranker. A decision whose calls fail after their
 * retries, or that times out, is decided by the local ranker. Calls in flight are bounded per
 * subtask ({@link CallSlots}): the async capacity lets far more decisions wait than a client
 * can answer within the call timeout. The job ranks through this function only with a campaign
 * (without one, {@link io.cuepoint.operators.viewer.LocalRankingOperator} decides on the task
 * thread); built without one, it creates no client and decides everything locally.
 */
public class PersonalizeRankingFunction extends RichAsyncFunction<DecisionRequest, ViewerAction> {
  private static final long serialVersionUID = 1L;
  static final int CACHE_ENTRIES = 10_000;

  private final PersonalizeSettings settings;
  private final LocalDecisions local;

  private transient PersonalizeRuntimeAsyncClient client;
  private transient ScheduledExecutorService retryTimer;
  private transient PersonalizeRanker ranker;
  private transient CallBudget budget;
  private transient RankingCache cache;
  private transient Counter decidedByPersonalize;
  private transient Counter decidedByLocal;
  private transient Counter overBudget;
  private transient Counter cacheHits;
  private transient Counter fallbacks;
  private transient Counter timeouts;

  public PersonalizeRankingFunction(PersonalizeSettings settings, LocalRanker localRanker) {
    this.settings = settings;
    this.local = new LocalDecisions(localRanker);
  }

  @Override
  public void open(OpenContext openContext) {
    MetricGroup metrics = getRuntimeContext().getMetricGroup();
    decidedByPersonalize = metrics.counter("decidedByPersonalize", new ThreadSafeSimpleCounter());
    decidedByLocal = metrics.counter("decidedByLocal", new ThreadSafeSimpleCounter());
    overBudget = metrics.counter("personalizeOverBudget", new ThreadSafeSimpleCounter());
    cacheHits = metrics.counter("personalizeCacheHits", new ThreadSafeSimpleCounter());
    fallbacks = metrics.counter("personalizeFallbacks", new ThreadSafeSimpleCounter());
    timeouts = metrics.counter("personalizeTimeouts", new ThreadSafeSimpleCounter());
    if (!settings.ranks()) {
      return;
    }
    int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
    int mostCallsOfADecision = settings.offerCampaignArn.isEmpty() ? 1 : 3;
    budget = new CallBudget(settings.callsPerSecond / subtasks, mostCallsOfADecision, System.nanoTime());
    cache = new RankingCache(settings.cacheTtlMs, CACHE_ENTRIES);
    client = PersonalizeClients.runtime(settings, subtasks);
    CallSlots slots = new CallSlots(PersonalizeClients.callsInFlight(settings, subtasks));
    metrics.gauge("personalizeCallsWaiting", (Gauge<Integer>) slots::waiting);
    retryTimer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "personalize-retries");
              t.setDaemon(true);
              return t;
            });
    ranker =
        new PersonalizeRanker(
            client,
            retryTimer,
            budget,
            slots,
            new CallMetrics(metrics),
            settings.retryBudgetMs,
            settings.decisionTimeoutMs() - settings.callTimeoutMs);
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    if (retryTimer != null) {
      retryTimer.shutdownNow();
    }
  }

  @Override
  public void asyncInvoke(DecisionRequest request, ResultFuture<ViewerAction> result) {
    if (ranker == null) {
      decideLocally(request, result);
      return;
    }
    boolean offersByPersonalize = offersByPersonalize(request);
    int calls = (request.widgets.length > 0 ? 1 : 0) + (offersByPersonalize ? 2 : 0);
    if (calls == 0) {
      decideLocally(request, result);
      return;
    }
    if (!budget.tryTake(calls, System.nanoTime())) {
      overBudget.inc();
      RankingCache.Ranking cached = cache.keeps() ? cache.get(request.cacheKey(), System.nanoTime()) : null;
      if (cached != null) {
        cacheHits.inc();
        decidedByPersonalize.inc();
        result.complete(
            Collections.singleton(
                ViewerActions.of(request, cached.widgets, cached.offers, DecidedBy.PERSONALIZE, true)));
      } else {
        fallbacks.inc();
        decideLocally(request, result);
      }
      return;
    }
    CompletableFuture<LinkedHashMap<String, Double>> widgets =
        request.widgets.length > 0
            ? ranker.rank(settings.widgetCampaignArn, request.viewerId, request.widgets, request.context)
            : CompletableFuture.completedFuture(new LinkedHashMap<>());
    CompletableFuture<Offer[]> offers =
        offersByPersonalize
            ? ranker
                .rank(
                    settings.offerCampaignArn,
                    request.viewerId,
                    request.offerCandidates,
                    local.discounted(request))
                .thenCombine(
                    ranker.rank(
                        settings.offerCampaignArn,
                        request.viewerId,
                        request.offerCandidates,
                        request.context),
                    (with, without) ->
                        OfferUplift.choose(
                            request.offerCandidates, with, without, request.discountPercent))
            : CompletableFuture.completedFuture(local.offers(request));
    widgets
        .thenCombine(
            offers,
            (ranked, chosen) ->
                ViewerActions.of(
                    request,
                    ViewerActions.ranked(request.widgets, Ranking.of(ranked)),
                    chosen,
                    DecidedBy.PERSONALIZE,
                    false))
        .whenComplete(
            (action, error) -> {
              if (error != null) {
                fallbacks.inc();
                decideLocally(request, result);
                return;
              }
              if (cache.keeps()) {
                cache.put(request.cacheKey(), action.widgets, action.offers, System.nanoTime());
              }
              decidedByPersonalize.inc();
              result.complete(Collections.singleton(action));
            });
  }

  @Override
  public void timeout(DecisionRequest request, ResultFuture<ViewerAction> result) {
    timeouts.inc();
    fallbacks.inc();
    decideLocally(request, result);
  }

  private void decideLocally(DecisionRequest request, ResultFuture<ViewerAction> result) {
    decidedByLocal.inc();
    result.complete(Collections.singleton(local.decide(request)));
  }

  private boolean offersByPersonalize(DecisionRequest request) {
    return request.offerCandidates.length > 0 && !settings.offerCampaignArn.isEmpty();
  }
}
