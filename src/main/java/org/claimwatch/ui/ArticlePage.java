package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import java.util.Map;
import org.claimwatch.extract.Candidate;

/**
 * {@code article.html}: an article to read ({@code form}: its text, source and date) and, once
 * read, the text in {@code parts} with each candidate marked, and the candidates as editable rows
 * with a box to pick each ({@code rows}: the row's fields by name, as read or as sent).
 */
@Introspected
record ArticlePage(
    Layout layout,
    List<String> fields,
    Map<String, String> form,
    List<Part> parts,
    List<Row> rows,
    String error,
    String notice) {

  /** A piece of the text; {@code candidate}: the row it is, or -1 for plain text. */
  @Introspected
  record Part(String text, int candidate) {}

  /** A candidate as a form row: its index, its editable fields, the stored claims it repeats. */
  @Introspected
  record Row(int index, Map<String, String> fields, List<Long> duplicates, boolean invalid) {}

  /** The fields of a row, in order. */
  static final List<String> FIELDS =
      List.of(
          "statement",
          "value",
          "valueHigh",
          "unit",
          "qualifier",
          "entityName",
          "metric",
          "periodStart",
          "periodEnd",
          "periodicity",
          "kind",
          "resolvesOn",
          "quote");

  static ArticlePage empty(Layout layout) {
    return new ArticlePage(layout, FIELDS, Map.of(), List.of(), List.of(), null, null);
  }

  /** The text cut at the candidates, each marked. */
  static List<Part> parts(String text, List<Candidate> candidates) {
    List<Part> out = new java.util.ArrayList<>();
    int at = 0;
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (c.start() < at) {
        continue;
      }
      out.add(new Part(text.substring(at, c.start()), -1));
      out.add(new Part(text.substring(c.start(), c.end()), i));
      at = c.end();
    }
    out.add(new Part(text.substring(at), -1));
    return out;
  }
}
