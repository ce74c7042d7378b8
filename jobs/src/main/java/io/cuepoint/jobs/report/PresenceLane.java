package io.cuepoint.jobs.report;

/**
 * Where one product or label was on screen: for each bin the number of media-context windows
 * that list it, and the best confidence among them.
 */
final class PresenceLane {
  final String name;
  final PositionBins windows = new PositionBins(PositionBins.Combine.SUM);
  /** Hundredths of a percent, so that the bins stay whole numbers. */
  final PositionBins bestConfidence = new PositionBins(PositionBins.Combine.MAX);
  long totalWindows;
  double best;

  PresenceLane(String name) {
    this.name = name;
  }

  void seen(long positionMs, double confidence) {
    windows.add(positionMs, 1);
    bestConfidence.add(positionMs, Math.round(confidence * 100));
    totalWindows++;
    best = Math.max(best, confidence);
  }
}
