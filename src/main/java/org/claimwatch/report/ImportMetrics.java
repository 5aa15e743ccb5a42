package org.claimwatch.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long imports take ({@code claimwatch_imports_seconds{kind=sec|report, outcome=ok|failed}})
 * and what they did ({@code claimwatch_imports_facts_added_total}, {@code
 * claimwatch_imports_claims_flagged_total}, by kind). Every series exists from the start (at 0), so
 * rate() works before the first import.
 */
@Singleton
class ImportMetrics {
  static final String SEC = "sec";
  static final String REPORT = "report";
  private static final List<String> KINDS = List.of(SEC, REPORT);

  /** Histogram buckets: an import takes from a few milliseconds to minutes (a 20 MB document). */
  private static final Duration[] BUCKETS =
      java.util.stream.Stream.of(
              "PT0.05S", "PT0.1S", "PT0.25S", "PT0.5S", "PT1S", "PT2.5S", "PT5S", "PT10S", "PT30S",
              "PT1M", "PT2M", "PT5M", "PT10M")
          .map(Duration::parse)
          .toArray(Duration[]::new);

  private final MeterRegistry meters;
  private final Map<String, Timer> timers = new HashMap<>();
  private final Map<String, Counter> factsAdded = new HashMap<>();
  private final Map<String, Counter> claimsFlagged = new HashMap<>();

  ImportMetrics(MeterRegistry meters) {
    this.meters = meters;
    for (String kind : KINDS) {
      for (String outcome : List.of("ok", "failed")) {
        timers.put(
            kind + outcome,
            Timer.builder("claimwatch.imports")
                .description("Imports of SEC companyfacts documents and other reports, end to end")
                .tags("kind", kind, "outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(meters));
      }
      factsAdded.put(
          kind,
          Counter.builder("claimwatch.imports.facts.added")
              .description("Reported facts stored by imports (a re-import adds none)")
              .tag("kind", kind)
              .register(meters));
      claimsFlagged.put(
          kind,
          Counter.builder("claimwatch.imports.claims.flagged")
              .description("Claims flagged for a re-check by imports")
              .tag("kind", kind)
              .register(meters));
    }
  }

  /** The kind tag of an import job's kind. */
  static String kindOf(ReportImport run) {
    return "SEC_COMPANYFACTS".equals(run.kind()) ? SEC : REPORT;
  }

  /** Starts timing an import. */
  Timer.Sample start() {
    return Timer.start(meters);
  }

  void ok(Timer.Sample sample, ReportImport done) {
    String kind = kindOf(done);
    sample.stop(timers.get(kind + "ok"));
    factsAdded.get(kind).increment(done.factsAdded());
    claimsFlagged.get(kind).increment(done.claimsFlagged());
  }

  void failed(Timer.Sample sample, ReportImport run) {
    sample.stop(timers.get(kindOf(run) + "failed"));
  }
}
