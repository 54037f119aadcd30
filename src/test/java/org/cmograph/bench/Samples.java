package org.cmograph.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations (or any values) and their percentiles, nearest-rank. */
final class Samples {
  private final List<Double> values = new ArrayList<>();

  void add(double v) {
    values.add(v);
  }

  void forEach(java.util.function.DoubleConsumer c) {
    values.forEach(c::accept);
  }

  int count() {
    return values.size();
  }

  double percentile(double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  double median() {
    return percentile(50);
  }

  double min() {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  double max() {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
