package dev.chanx.bench.load;

import java.util.Arrays;
import java.util.Locale;

/**
 * The median of some values and a distribution-free confidence interval for it, from order
 * statistics: with n values sorted, the k-th smallest and the k-th largest bound the median with
 * probability 1 − 2·P(Binomial(n, ½) < k), whatever the values' distribution, as long as they are
 * independent. Used on per-pair ratios, whose spread is wide and not normal (a disturbed window
 * gives one far-off ratio), so a mean and its t-interval would follow the outliers.
 *
 * @param median the median
 * @param low the interval's lower bound (NaN when there are too few values for the confidence)
 * @param high the interval's upper bound (NaN when there are too few values)
 * @param confidence the interval's actual coverage, at least the one asked for (NaN when none)
 * @param n how many values
 */
record MedianInterval(double median, double low, double high, double confidence, int n) {

  /** {@return the median of values and the narrowest order-statistic interval covering it with at least level} */
  static MedianInterval of(double[] values, double level) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return new MedianInterval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double median = middle(sorted);
    // Grow k while the interval [x(k), x(n-k+1)] (1-based) still covers the median with at least level.
    int best = 0;
    double coverage = Double.NaN;
    double below = 0;
    for (int k = 1; k <= n / 2; k++) {
      below += binomial(n, k - 1);
      double covers = 1 - 2 * below;
      if (covers < level) {
        break;
      }
      best = k;
      coverage = covers;
    }
    if (best == 0) {
      return new MedianInterval(median, Double.NaN, Double.NaN, Double.NaN, n);
    }
    return new MedianInterval(median, sorted[best - 1], sorted[n - best], coverage, n);
  }

  /** {@return P(Binomial(n, ½) = k)} */
  private static double binomial(int n, int k) {
    // In logarithms: C(n, k) overflows a double near n = 1,030.
    double log = 0;
    for (int i = 1; i <= k; i++) {
      log += Math.log(n - k + i) - Math.log(i);
    }
    return Math.exp(log - n * Math.log(2));
  }

  /** {@return "1.012 (95 % interval 0.995 to 1.031, 40 pairs)", or without the interval when there is none} */
  String describe() {
    return describe("pairs");
  }

  /** {@return as {@link #describe()}, the values called {@code unit}, such as "blocks"} */
  String describe(String unit) {
    if (Double.isNaN(low)) {
      return String.format(Locale.ROOT, "%.3f (too few values for an interval, %d)", median, n);
    }
    return String.format(Locale.ROOT, "%.3f (%.1f %% interval %.3f to %.3f, %d %s)", median, 100 * confidence, low,
        high, n, unit);
  }

  /** {@return the median of values, which are left as they are} */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return middle(sorted);
  }

  // The median of sorted values, at least one.
  private static double middle(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
