package org.claimwatch.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What a text holds: its language and the candidate claims in it, in the order they stand; {@code
 * truncated} when there were more than {@link ExtractionService#MAX_CANDIDATES} (the first ones are
 * listed: send the rest of the text again).
 */
@Serdeable
public record Extraction(
    String language, List<Candidate> candidates, boolean truncated, @Nullable List<Long> claimIds) {

  /** What was read, nothing stored. */
  Extraction(String language, List<Candidate> candidates, boolean truncated) {
    this(language, candidates, truncated, null);
  }

  /** With the ids of the claims the candidates were stored as (in the same order). */
  Extraction saved(List<Long> ids) {
    return new Extraction(language, candidates, truncated, ids);
  }
}
