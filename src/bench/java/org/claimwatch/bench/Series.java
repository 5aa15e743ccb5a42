package org.claimwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The measurements of one kind of operation: a row or a column of a benchmark's summary. */
final class Series {
  /**
   * One measurement: {@code key} says what it was of (e.g. the entity), {@code rows} how many rows
   * it counted or wrote, {@code notes} what the answer said.
   */
  record Sample(int key, long rows, Probe.Cost cost, Map<String, String> notes) {
    double ms() {
      return cost.ms();
    }
  }

  final String name;
  final List<Sample> samples = new ArrayList<>();

  Series(String name) {
    this.name = name;
  }

  Sample add(int key, long rows, Probe.Cost cost) {
    return add(new Sample(key, rows, cost, Map.of()));
  }

  Sample add(Sample s) {
    samples.add(s);
    return s;
  }

  boolean isEmpty() {
    return samples.isEmpty();
  }

  List<Double> values(ToDoubleFunction<Sample> f) {
    return samples.stream().map(f::applyAsDouble).toList();
  }

  List<Double> ms() {
    return values(Sample::ms);
  }

  /** The median wall time, ms. */
  double median() {
    return Stats.median(ms());
  }

  /** The median of a figure of the samples. */
  double median(ToDoubleFunction<Sample> f) {
    return Stats.median(values(f));
  }

  Sample last() {
    return samples.get(samples.size() - 1);
  }

  /** The sample with this key, if any. */
  Optional<Sample> of(int key) {
    return samples.stream().filter(s -> s.key() == key).findFirst();
  }

  /** "1.71 1.96 ...": this series' time over the other's, key by key. */
  String ratios(Series other) {
    List<String> out = new ArrayList<>();
    for (Sample s : samples) {
      other
          .of(s.key())
          .ifPresent(t -> out.add(String.format(Locale.ROOT, "%.2f", s.ms() / t.ms())));
    }
    return String.join(" ", out);
  }

  /**
   * A table of database server counters, one column per series, one row per counter: the median per
   * operation. {@code format} is each column's, e.g. " %14.14s" (its width is the value's too).
   */
  static void counterTable(
      StringBuilder out,
      List<String> counters,
      List<Series> columns,
      int labelWidth,
      String format) {
    String width = format.replaceAll("^ %(\\d+).*", "$1");
    out.append(String.format(Locale.ROOT, "%-" + labelWidth + "s", ""));
    for (Series s : columns) {
      out.append(String.format(Locale.ROOT, format, s.name));
    }
    out.append('\n');
    for (String c : counters) {
      out.append(String.format(Locale.ROOT, "%-" + labelWidth + "s", "  " + c));
      for (Series s : columns) {
        out.append(
            String.format(Locale.ROOT, " %" + width + ".0f", s.median(x -> x.cost().status(c))));
      }
      out.append('\n');
    }
  }
}
