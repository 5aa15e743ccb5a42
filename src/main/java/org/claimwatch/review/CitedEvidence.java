package org.claimwatch.review;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.claimwatch.report.EvidenceLookup;
import org.claimwatch.report.EvidenceLookup.Described;
import org.claimwatch.review.Evidence.Kind;
import org.claimwatch.review.VerdictRequest.EvidenceInput;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.ProblemException;

/**
 * A verdict's evidence as it will be stored: each figure or report it names looked up (what it said
 * then is kept as its label), and the newest filing cited, which dates the verdict ("as of").
 */
@Singleton
class CitedEvidence {
  /** Evidence as it will be stored, and the newest filing it cites ("10-Q filed 2024-04-26"). */
  record Cited(List<Evidence> items, String asOf) {}

  private final EvidenceLookup lookup;

  CitedEvidence(EvidenceLookup lookup) {
    this.lookup = lookup;
  }

  /** Looks every reference up; unknown ones are 400s naming the item. */
  Cited describe(List<EvidenceInput> inputs) {
    List<FieldError> errors = new ArrayList<>();
    List<Evidence> out = new ArrayList<>();
    LocalDate newest = null;
    String asOf = null;
    for (int i = 0; i < inputs.size(); i++) {
      EvidenceInput e = inputs.get(i);
      String at = "evidence[" + i + "]";
      Kind kind;
      Optional<Described> d;
      if (e.factId() != null) {
        kind = Kind.FACT;
        d = lookup.fact(e.factId());
        at += ".factId";
      } else if (e.reportId() != null) {
        kind = Kind.REPORT;
        d = lookup.report(e.reportId());
        at += ".reportId";
      } else {
        out.add(
            new Evidence(
                null, 0, i, Kind.URL, null, null, e.url().strip(), e.note().strip(), null, null));
        continue;
      }
      if (d.isEmpty()) {
        errors.add(new FieldError(at, "no such " + kind.name().toLowerCase() + " is stored"));
        continue;
      }
      out.add(
          new Evidence(
              null,
              0,
              i,
              kind,
              e.factId(),
              d.get().reportId(),
              null,
              e.note().strip(),
              d.get().label(),
              d.get().filedOn()));
      if (newest == null || d.get().filedOn().isAfter(newest)) {
        newest = d.get().filedOn();
        asOf = d.get().filing();
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return new Cited(out, asOf);
  }
}
