package io.cuepoint.jobs.sample;

import static io.cuepoint.jobs.sample.MatchTimeline.SECOND;

import io.cuepoint.schemas.records.Interaction;
import io.cuepoint.schemas.records.MatchPhase;
import java.util.ArrayList;
import java.util.List;

/**
 * How simulated viewers choose and react, shared by the live recording and the interactions
 * history so that the history teaches what the recording then shows: betting by 25-44 year olds
 * when one goal separates the teams late on, food orders at half time, stats for fans of the
 * trailing team, chat after goals, polls and shopping at full time.
 */
final class Preferences {
  private Preferences() {}

  /** One step of a viewer's reaction to something shown, offset from the first view. */
  static final class Step {
    final Interaction interaction;
    final long offsetMs;

    Step(Interaction interaction, long offsetMs) {
      this.interaction = interaction;
      this.offsetMs = offsetMs;
    }
  }

  /** How much a viewer in this context wants each widget (0: not allowed or not wanted). */
  static double[] widgetWeights(Profile p, MatchTimeline.Context c) {
    double[] w = new double[Catalog.WIDGETS.size()];
    for (int i = 0; i < w.length; i++) {
      Catalog.Widget widget = Catalog.WIDGETS.get(i);
      w[i] = widget.allows(p) ? weight(widget.type, p, c) : 0.0;
    }
    return w;
  }

  private static double weight(String type, Profile p, MatchTimeline.Context c) {
    double x;
    switch (type) {
      case "BET":
        x = 0.5;
        if (p.core()) {
          x *= 2.0;
        }
        if (c.late() && "ONE".equals(c.scoreDiff())) {
          x *= p.core() ? 4.0 : 1.5;
        }
        if (c.phase == MatchPhase.HALF_TIME || c.phase == MatchPhase.FULL_TIME) {
          x *= 0.5;
        }
        return x;
      case "CHAT":
        x = 0.7;
        if (p.young()) {
          x *= 2.0;
        }
        if (MatchTimeline.GOAL_FLURRY.equals(c.eventOfInterest)
            || MatchTimeline.SOCIAL_SURGE.equals(c.eventOfInterest)) {
          x *= 3.0;
        } else if (MatchTimeline.RED_CARD.equals(c.eventOfInterest)) {
          x *= 2.0;
        }
        return x;
      case "FOOD_ORDER":
        x = 0.2;
        if (c.phase == MatchPhase.HALF_TIME) {
          x *= 12.0;
        } else if (c.phase == MatchPhase.PRE_MATCH) {
          x *= 3.0;
        }
        return x;
      case "POLL":
        x = 0.35;
        if (c.phase == MatchPhase.FULL_TIME) {
          x *= 5.0;
        } else if (c.phase == MatchPhase.HALF_TIME) {
          x *= 1.5;
        }
        return x;
      case "TRIVIA":
        x = 0.3;
        if (c.phase == MatchPhase.HALF_TIME || c.phase == MatchPhase.PRE_MATCH) {
          x *= 3.0;
        }
        if ("13-17".equals(p.ageBand)) {
          x *= 2.0;
        }
        return x;
      case "STATS":
        x = 0.45;
        if (c.trailing(p.favouriteTeam)) {
          x *= 4.0;
        }
        if (p.senior()) {
          x *= 1.8;
        }
        if (MatchTimeline.RED_CARD.equals(c.eventOfInterest)) {
          x *= 1.5;
        }
        return x;
      case "SHOP":
        x = 0.3;
        if (c.phase == MatchPhase.FULL_TIME && c.leading(p.favouriteTeam)) {
          x *= 6.0;
        } else if (c.phase == MatchPhase.PRE_MATCH) {
          x *= 1.5;
        }
        return x;
      default:
        return 0.0;
    }
  }

  /** A product a viewer in this context might look at when none is on screen. */
  static String productFor(Profile p, MatchTimeline.Context c, Rng rng) {
    if (c.phase == MatchPhase.HALF_TIME || c.phase == MatchPhase.PRE_MATCH) {
      List<String> food = new ArrayList<>();
      food.add("prod-pizza-margherita");
      food.add("prod-burger-meal");
      food.add("prod-nachos-share");
      food.add("prod-drink-volt-energy");
      if (p.adult()) {
        food.add("prod-beer-lager-12");
      }
      return rng.pick(food);
    }
    if ("HOME".equals(p.favouriteTeam)) {
      return rng.pick(new String[] {
        "prod-jersey-home-2026", "prod-scarf-harbour", "prod-cap-harbour", "prod-hoodie-harbour",
        "prod-stadium-tour"
      });
    }
    if ("AWAY".equals(p.favouriteTeam)) {
      return rng.pick(new String[] {
        "prod-jersey-away-2026", "prod-scarf-sierra", "prod-flag-final-2026"
      });
    }
    return rng.pick(new String[] {
      "prod-ball-final-2026", "prod-boots-velocity-9", "prod-headphones-pulse",
      "prod-ball-replica-mini", "prod-flag-final-2026"
    });
  }

  /** Chance that a click on this widget type ends in a purchase (a bet placed, an order). */
  static double purchaseChance(String widgetType) {
    switch (widgetType) {
      case "BET":
        return 0.5;
      case "FOOD_ORDER":
        return 0.45;
      case "SHOP":
        return 0.25;
      default:
        return 0.0;
    }
  }

  /** 0..1 from a widget weight. */
  static double affinity(double weight) {
    return weight / (weight + 1.0);
  }

  /** A view, then perhaps a click and a purchase, or a dismissal. */
  static List<Step> react(double affinity, double purchaseChance, Rng rng) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(Interaction.VIEW, 0));
    if (rng.chance(0.1 + 0.6 * affinity)) {
      long click = rng.between(2 * SECOND, 15 * SECOND);
      steps.add(new Step(Interaction.CLICK, click));
      if (purchaseChance > 0 && rng.chance(purchaseChance)) {
        steps.add(new Step(Interaction.PURCHASE, click + rng.between(10 * SECOND, 60 * SECOND)));
      }
    } else if (rng.chance(0.55 * (1.0 - affinity))) {
      steps.add(new Step(Interaction.DISMISS, rng.between(1 * SECOND, 8 * SECOND)));
    }
    return steps;
  }
}
