package io.cuepoint.jobs.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's only source of randomness: {@link SplittableRandom}, whose output is specified
 * bit for bit, plus {@link StrictMath} for the few transcendental functions, so that a seed gives
 * the same numbers on every JVM and platform.
 */
final class Rng {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  private Rng(SplittableRandom random) {
    this.random = random;
  }

  /** An independent generator; this one moves on by one step. */
  Rng split() {
    return new Rng(random.split());
  }

  /**
   * A generator for one named thing (a viewer, say) that depends only on the seed and the name, not
   * on how much else was generated before it.
   */
  static Rng forKey(long seed, String key) {
    long h = FNV_OFFSET;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= FNV_PRIME;
    }
    return new Rng(mix(seed * GOLDEN_GAMMA + mix(h)));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  /** Uniform in [0, 1). */
  double unit() {
    return random.nextDouble();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Uniform in lo..hi, both included. */
  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  /** Uniform in lo..hi, both included. */
  long between(long lo, long hi) {
    return lo + random.nextLong(hi - lo + 1);
  }

  double exponential(double mean) {
    return -mean * StrictMath.log(1.0 - random.nextDouble());
  }

  int poisson(double mean) {
    double limit = StrictMath.exp(-mean);
    int k = 0;
    double p = random.nextDouble();
    while (p > limit) {
      k++;
      p *= random.nextDouble();
    }
    return k;
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** An index drawn with the given weights, or -1 when they are all zero. */
  int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    if (!(total > 0)) {
      return -1;
    }
    double x = random.nextDouble() * total;
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        last = i;
        x -= weights[i];
        if (x < 0) {
          return i;
        }
      }
    }
    return last;
  }

  static double round(double value, int decimals) {
    double f = decimals == 2 ? 100.0 : decimals == 3 ? 1000.0 : StrictMath.pow(10, decimals);
    return Math.round(value * f) / f;
  }
}
