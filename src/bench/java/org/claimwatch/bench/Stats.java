package org.claimwatch.bench;

import java.util.Collection;
import java.util.Locale;

/** Medians, nearest-rank percentiles and ranges of measurements: one definition for all. */
final class Stats {
  private Stats() {}

  private static double[] sorted(Collection<? extends Number> values) {
    return values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
  }

  /** The median (the mean of the middle two of an even count); NaN when there are none. */
  static double median(Collection<? extends Number> values) {
    double[] v = sorted(values);
    int n = v.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** The nearest-rank percentile (0: the least, 100: the most); NaN when there are none. */
  static double percentile(Collection<? extends Number> values, double p) {
    double[] v = sorted(values);
    return v.length == 0 ? Double.NaN : v[rank(v.length, p)];
  }

  /** The nearest-rank percentile of values sorted already; 0 when there are none. */
  static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[rank(sorted.length, p)];
  }

  private static int rank(int n, double p) {
    int rank = (int) Math.ceil(p / 100.0 * n);
    return Math.max(0, Math.min(n - 1, rank - 1));
  }

  static double min(Collection<? extends Number> values) {
    return percentile(values, 0);
  }

  static double max(Collection<? extends Number> values) {
    return percentile(values, 100);
  }

  /** "median [min-max]", whole numbers. */
  static String medianRange(Collection<? extends Number> values) {
    return String.format(Locale.ROOT, "%.0f [%.0f-%.0f]", median(values), min(values), max(values));
  }
}
