package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import java.util.Map;

/**
 * {@code claim-new.html}: the form for one new claim, its {@code fields} in order, filled from
 * {@code form} (empty, or as the checker sent it when it was refused).
 */
@Introspected
record NewClaimPage(
    Layout layout,
    List<String> fields,
    Map<String, String> form,
    String error,
    List<String> errorFields) {

  /** The fields of the form: the claim's own, then where it was said. */
  static final List<String> FIELDS =
      List.of(
          "statement",
          "entityName",
          "claimant",
          "language",
          "metric",
          "value",
          "valueHigh",
          "unit",
          "qualifier",
          "periodStart",
          "periodEnd",
          "periodicity",
          "kind",
          "resolvesOn",
          "statedAt",
          "sourceUrl",
          "sourceTitle",
          "sourcePublisher");

  static NewClaimPage empty(Layout layout) {
    return new NewClaimPage(layout, FIELDS, Map.of(), null, List.of());
  }

  /** This form again, saying why it was refused, with the fields at fault marked. */
  NewClaimPage failed(Map<String, String> sent, String why, List<String> fields) {
    return new NewClaimPage(layout, this.fields, sent, why, fields);
  }
}
