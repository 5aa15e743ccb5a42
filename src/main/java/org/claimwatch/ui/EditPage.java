package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import java.util.Map;
import org.claimwatch.claim.ClaimView;

/**
 * {@code claim-edit.html}: a claim's editable {@code fields} in order, filled from {@code form}
 * (the claim as it is, or as the checker sent it, with the version it was read at).
 */
@Introspected
record EditPage(
    Layout layout,
    ClaimView claim,
    List<String> fields,
    Map<String, String> form,
    String error,
    List<String> errorFields) {

  /** This form again, saying why it was refused, with the fields at fault marked. */
  EditPage failed(String why, List<String> fields) {
    return new EditPage(layout, claim, this.fields, form, why, fields);
  }
}
