package io.cuepoint.connectors.ivs;

import java.util.List;
import java.util.stream.Collectors;

/** Counts, from the server's arrival times, the most calls in any one-second window. */
final class RateCheck {
  private RateCheck() {}

  /** Of one channel, or of all when {@code channelArn} is null. */
  static int mostCallsInAnySecond(List<IvsStubServer.Call> calls, String channelArn) {
    List<Long> times =
        calls.stream()
            .filter(c -> channelArn == null || c.channelArn.equals(channelArn))
            .map(c -> c.arrivedNanos)
            .sorted()
            .collect(Collectors.toList());
    int most = 0;
    int start = 0;
    for (int end = 0; end < times.size(); end++) {
      while (times.get(end) - times.get(start) >= 1_000_000_000L) {
        start++;
      }
      most = Math.max(most, end - start + 1);
    }
    return most;
  }
}
