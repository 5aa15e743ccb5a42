package org.claimwatch.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.claimwatch.claim.SourceInput;

/**
 * {@code POST /api/v1/extractions}: a text, its language if known ("en", "de"), and when it was
 * said ({@code statedAt}, a date or UTC date-time; today if not given), from which "this year"
 * counts. With {@code save} the candidates are stored as claims citing {@code source} (required
 * then).
 */
@Serdeable
public record ExtractionRequest(
    @Nullable String text,
    @Nullable String language,
    @Nullable String statedAt,
    @Nullable SourceInput source,
    @Nullable Boolean save) {

  /** A text to read, nothing to store. */
  public ExtractionRequest(String text, String language, String statedAt) {
    this(text, language, statedAt, null, null);
  }
}
