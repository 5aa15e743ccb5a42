package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** A filing or other report of figures (table {@code reports}). */
@MappedEntity("reports")
@io.micronaut.serde.annotation.Serdeable
public record Report(
    @Id @GeneratedValue @Nullable Long id,
    long entityId,
    String reportKey,
    String sourceKind,
    @Nullable String accessionNumber,
    String form,
    @Nullable String title,
    @Nullable String url,
    LocalDate filedOn,
    @Nullable Integer fiscalYear,
    @Nullable String fiscalPeriod,
    Instant createdAt) {

  static final String SEC = "SEC";
  static final String OTHER = "OTHER";

  /** The key of an SEC filing: the entity's, by accession number (V28). */
  static String secKey(long entityId, String accession) {
    return "sec:" + entityId + ":" + accession;
  }
}
