package org.claimwatch.claim;

import io.micronaut.json.tree.JsonNode;
import java.util.Set;
import org.claimwatch.claim.ClaimData.SourceData;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.JsonPatch;
import org.claimwatch.system.Numbers;
import org.claimwatch.system.ProblemException;

/**
 * A JSON merge patch of a claim: which members it may name, and the claim's contents as input text
 * with the patch laid over them, to be checked by the same rules as a new claim.
 */
final class ClaimMerge {
  private static final Set<String> SOURCE_FIELDS =
      Set.of("url", "title", "publisher", "publishedAt");

  private ClaimMerge() {}

  /** The patch document, refusing members a claim does not have. */
  static JsonPatch patch(JsonNode body) {
    return JsonPatch.of(body, ClaimField.PATCHABLE);
  }

  /**
   * The claim's current contents and the source it cites as input text, with the patch's members
   * laid over them.
   */
  static ClaimInput merge(ClaimData d, SourceData cited, JsonPatch p) {
    SourceInput source =
        cited == null
            ? null
            : new SourceInput(
                cited.url(), cited.title(), cited.publisher(), text(cited.publishedAt()));
    if (p.has("source")) {
      JsonNode s = p.node("source");
      if (s == null) {
        source = null;
      } else {
        JsonPatch sp = JsonPatch.of(s, SOURCE_FIELDS);
        source =
            new SourceInput(
                sp.text("url"), sp.text("title"), sp.text("publisher"), sp.text("publishedAt"));
        sp.errors()
            .forEach(e -> p.errors().add(new FieldError("source." + e.field(), e.message())));
      }
    }
    ClaimInput merged =
        new ClaimInput(
            null,
            p.has("statement") ? p.text("statement") : d.statement(),
            p.has("language") ? p.text("language") : d.language(),
            p.has("claimant") ? p.text("claimant") : d.claimant(),
            p.has("entityId")
                ? p.longValue("entityId")
                : (p.has("entityName") ? null : d.entityId()),
            p.has("entityName") ? p.text("entityName") : null,
            p.has("metric") ? p.text("metric") : d.metric(),
            p.has("value") ? p.text("value") : Numbers.plain(d.number().value()),
            p.has("valueHigh") ? p.text("valueHigh") : Numbers.plain(d.number().valueHigh()),
            p.has("unit") ? p.text("unit") : d.number().unit(),
            p.has("qualifier") ? p.text("qualifier") : name(d.number().qualifier()),
            p.has("periodStart") ? p.text("periodStart") : text(d.period().start()),
            p.has("periodEnd") ? p.text("periodEnd") : text(d.period().end()),
            p.has("periodicity") ? p.text("periodicity") : name(d.period().periodicity()),
            p.has("kind") ? p.text("kind") : name(d.kind()),
            p.has("resolvesOn") ? p.text("resolvesOn") : text(d.resolvesOn()),
            p.has("statedAt") ? p.text("statedAt") : text(d.statedAt()),
            source,
            p.has("priority") ? p.integer("priority") : Integer.valueOf(d.priority()),
            null);
    if (!p.errors().isEmpty()) {
      throw ProblemException.validation(p.errors());
    }
    return merged;
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
