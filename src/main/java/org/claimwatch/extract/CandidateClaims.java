package org.claimwatch.extract;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.claimwatch.auth.Actor;
import org.claimwatch.claim.BatchRequest;
import org.claimwatch.claim.BatchResult;
import org.claimwatch.claim.ClaimCommands;
import org.claimwatch.claim.ClaimInput;
import org.claimwatch.claim.SourceInput;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.WebUrls;

/**
 * Candidates stored as UNVERIFIED claims citing their article, through the claims' own batch (one
 * transaction with their history and events). Each one's externalRef is made of the source, the
 * text and its place in it, so saving the same text from the same source again adds nothing.
 */
@Singleton
class CandidateClaims {
  private final ClaimCommands claims;

  CandidateClaims(ClaimCommands claims) {
    this.claims = claims;
  }

  /** The ids of the stored claims, in the candidates' order. */
  List<Long> save(
      String text,
      String language,
      String statedAt,
      SourceInput source,
      List<Candidate> found,
      Actor actor) {
    if (source == null || source.url() == null || !WebUrls.isWebUrl(source.url().strip())) {
      throw ProblemException.invalidField(
          "source.url", "required to save: the absolute http(s) URL of the article");
    }
    if (found.isEmpty()) {
      return List.of();
    }
    List<ClaimInput> inputs = new ArrayList<>(found.size());
    for (Candidate c : found) {
      inputs.add(
          new ClaimInput(
              Candidate.externalRef(source.url(), text, c.start() + "-" + c.end()),
              c.sentence(),
              language,
              null,
              c.entityId(),
              null,
              c.metric(),
              c.value(),
              c.valueHigh(),
              c.unit(),
              c.qualifier(),
              c.periodStart(),
              c.periodEnd(),
              c.periodicity(),
              c.kind(),
              c.resolvesOn(),
              statedAt,
              source,
              null,
              null));
    }
    BatchResult.Minimal saved = claims.createBatchMinimal(new BatchRequest(inputs), actor);
    return saved.items().stream().map(BatchResult.Ref::id).toList();
  }
}
