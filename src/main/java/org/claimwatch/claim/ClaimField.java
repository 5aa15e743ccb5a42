package org.claimwatch.claim;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The members of a claim that a submitter sets and a patch may change, under their API names, in
 * the order forms show them. One list: the merge patch, the history's diffs and the reviewer's edit
 * page all read it.
 */
public enum ClaimField {
  STATEMENT("statement", true),
  CLAIMANT("claimant", true),
  LANGUAGE("language", true),
  ENTITY_ID("entityId", false),
  ENTITY_NAME("entityName", false),
  METRIC("metric", true),
  VALUE("value", true),
  VALUE_HIGH("valueHigh", true),
  UNIT("unit", true),
  QUALIFIER("qualifier", true),
  PERIOD_START("periodStart", true),
  PERIOD_END("periodEnd", true),
  PERIODICITY("periodicity", true),
  KIND("kind", true),
  RESOLVES_ON("resolvesOn", true),
  STATED_AT("statedAt", false),
  SOURCE("source", false),
  PRIORITY("priority", false);

  /** The member's name in the API's JSON. */
  public final String json;

  /** Shown as a text field on the reviewer's edit page (the others have pages of their own). */
  public final boolean onEditPage;

  ClaimField(String json, boolean onEditPage) {
    this.json = json;
    this.onEditPage = onEditPage;
  }

  /** Every member a merge patch may name. */
  static final Set<String> PATCHABLE =
      Arrays.stream(values()).map(f -> f.json).collect(Collectors.toUnmodifiableSet());

  /** The members of the edit page, in order. */
  public static List<String> editPage() {
    return Arrays.stream(values()).filter(f -> f.onEditPage).map(f -> f.json).toList();
  }
}
