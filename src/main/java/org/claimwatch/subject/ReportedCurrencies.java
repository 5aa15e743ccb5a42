package org.claimwatch.subject;

import java.util.Optional;

/**
 * The currency an entity reports in, as its reported figures show it (the report feature knows;
 * features below it ask through this).
 */
public interface ReportedCurrencies {
  /** Empty when no figure of money of the entity is reported. */
  Optional<String> currency(long entityId);
}
