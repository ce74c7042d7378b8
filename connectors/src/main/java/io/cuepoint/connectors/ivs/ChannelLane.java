package io.cuepoint.connectors.ivs;

/**
 * The decisions of one channel: at most one call in flight (so IVS gets them in order) and at most
 * one waiting, the newest, since a newer decision makes an older unsent one pointless.
 */
final class ChannelLane {
  final String channelArn;
  final SlotLimiter limiter;
  PendingDecision inFlight;
  PendingDecision waiting;
  /** The channel is backing off after an error until then. */
  long notBeforeMs;

  ChannelLane(String channelArn, SlotLimiter limiter) {
    this.channelArn = channelArn;
    this.limiter = limiter;
  }
}
