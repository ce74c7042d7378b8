package io.cuepoint.connectors.shoppable;

import java.io.Serializable;

/** Which boxes of a frame are matched against the catalog, and how much work a frame may cost. */
public class MatcherSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Labels (any case) whose boxes may be products; empty: every labelled box. */
  public String[] productLabels = new String[0];
  /** Boxes matched per frame at most, the most confident first. */
  public int maxCropsPerFrame = 5;
  /** Nearest products asked for per crop. */
  public int topK = 1;
  /** A box smaller than this many pixels on a side is too small to recognise anything in. */
  public int minCropPixels = 24;
  /** Threads that decode, crop and encode frames, per subtask. */
  public int cropThreads = 2;
  /** Frames waiting for a crop thread per subtask; beyond it a frame passes unmatched. */
  public int cropQueue = 64;

  public MatcherSettings() {}

  public void validate() {
    if (maxCropsPerFrame < 1 || topK < 1 || minCropPixels < 1 || cropThreads < 1 || cropQueue < 1) {
      throw new IllegalArgumentException(
          "maxCropsPerFrame, topK, minCropPixels, cropThreads and cropQueue must be positive");
    }
  }
}
