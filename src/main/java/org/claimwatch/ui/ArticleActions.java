package org.claimwatch.ui;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimwatch.claim.BatchRequest;
import org.claimwatch.claim.ClaimCommands;
import org.claimwatch.claim.ClaimInput;
import org.claimwatch.claim.SourceInput;
import org.claimwatch.extract.Candidate;
import org.claimwatch.extract.Duplicate;
import org.claimwatch.extract.Extraction;
import org.claimwatch.extract.ExtractionRequest;
import org.claimwatch.extract.ExtractionService;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.ProblemException;

/**
 * The "New article" page's forms: read a pasted article for its claims (each candidate a row of
 * editable fields, picked by default), and add the picked rows as claims citing the article
 * (idempotent like the API's {@code save}: the same text and source add nothing again).
 */
@Singleton
class ArticleActions {
  /** Rows the page shows at most (its add form stays within the form limits of application.yml). */
  static final int MAX_ROWS = 500;

  private final UiActions ui;
  private final ExtractionService extractions;
  private final ClaimCommands claims;

  ArticleActions(UiActions ui, ExtractionService extractions, ClaimCommands claims) {
    this.ui = ui;
    this.extractions = extractions;
    this.claims = claims;
  }

  HttpResponse<?> read(Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Visit visit = ui.checker(auth, r, form, "error.notCheckerAdd");
    String text = form.getOrDefault("text", "");
    try {
      Extraction found =
          extractions.extract(
              new ExtractionRequest(text, null, UiActions.blank(form.get("statedAt"))));
      List<Candidate> shown =
          found.candidates().subList(0, Math.min(MAX_ROWS, found.candidates().size()));
      List<ArticlePage.Row> rows = new ArrayList<>();
      for (int i = 0; i < shown.size(); i++) {
        rows.add(row(i, shown.get(i)));
      }
      return HttpResponse.ok(
          new io.micronaut.views.ModelAndView<>(
              "article",
              new ArticlePage(
                  visit.layout(),
                  ArticlePage.FIELDS,
                  form,
                  ArticlePage.parts(text, shown),
                  rows,
                  rows.isEmpty() ? visit.texts().get("error.noCandidates") : null,
                  shown.size() < found.candidates().size() || found.truncated()
                      ? visit.texts().get("notice.moreRows", visit.layout().fmt().num(shown.size()))
                      : null)));
    } catch (ProblemException e) {
      return Pages.page(
          e.status(),
          "article",
          new ArticlePage(
              visit.layout(),
              ArticlePage.FIELDS,
              form,
              List.of(),
              List.of(),
              e.getMessage(),
              null));
    }
  }

  HttpResponse<?> add(Map<String, String> form, Authentication auth, HttpRequest<?> r) {
    Visit visit = ui.checker(auth, r, form, "error.notCheckerAdd");
    String text = form.getOrDefault("text", "");
    String url = UiActions.blank(form.get("sourceUrl"));
    int count = Math.min(parse(form.get("rows")), MAX_ROWS);
    List<ClaimInput> inputs = new ArrayList<>();
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if ("on".equals(form.get("pick." + i))) {
        picked.add(i);
        inputs.add(input(form, i, text, url));
      }
    }
    if (inputs.isEmpty()) {
      return again(
          visit, form, count, Set.of(), visit.texts().get("error.pickOne"), HttpStatus.BAD_REQUEST);
    }
    try {
      claims.createBatch(new BatchRequest(inputs), visit.actor());
      return HttpResponse.seeOther(URI.create("/ui/queue/unreviewed"));
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      Set<Integer> invalid = new HashSet<>();
      for (FieldError f : e.errors()) {
        // "claims[3].value": the fourth picked row
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("^claims\\[(\\d+)]").matcher(f.field());
        if (m.find() && Integer.parseInt(m.group(1)) < picked.size()) {
          invalid.add(picked.get(Integer.parseInt(m.group(1))));
        }
      }
      return again(visit, form, count, invalid, e.getMessage(), e.status());
    }
  }

  /** The rows as sent, the refused ones marked. */
  private static HttpResponse<?> again(
      Visit visit,
      Map<String, String> form,
      int count,
      Set<Integer> invalid,
      String why,
      HttpStatus status) {
    List<ArticlePage.Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String f : ArticlePage.FIELDS) {
        fields.put(f, form.get(f + "." + i));
      }
      fields.put("pick", form.get("pick." + i));
      fields.put("at", form.get("at." + i));
      fields.put("duplicateOf", form.get("duplicateOf." + i));
      rows.add(new ArticlePage.Row(i, fields, offered(form, i), invalid.contains(i)));
    }
    return Pages.page(
        status,
        "article",
        new ArticlePage(visit.layout(), ArticlePage.FIELDS, form, List.of(), rows, why, null));
  }

  private static ArticlePage.Row row(int i, Candidate c) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("statement", c.sentence());
    fields.put("value", c.value());
    fields.put("valueHigh", c.valueHigh());
    fields.put("unit", c.unit());
    fields.put("qualifier", c.qualifier());
    fields.put("entityName", c.entityName());
    fields.put("metric", c.metric());
    fields.put("periodStart", c.periodStart());
    fields.put("periodEnd", c.periodEnd());
    fields.put("periodicity", c.periodicity());
    fields.put("kind", c.kind());
    fields.put("resolvesOn", c.resolvesOn());
    fields.put("quote", c.quote());
    fields.put("pick", "on");
    fields.put("at", c.start() + "-" + c.end());
    List<Long> duplicates = c.duplicates().stream().map(Duplicate::claimId).toList();
    return new ArticlePage.Row(i, fields, duplicates, false);
  }

  /** The stored claims a row was offered as its duplicates (sent back with the add form). */
  private static List<Long> offered(Map<String, String> form, int i) {
    List<Long> ids = new ArrayList<>();
    String sent = UiActions.blank(form.get("offered." + i));
    if (sent != null) {
      for (String id : sent.split(",", 6)) {
        Long parsed = id(id);
        if (parsed != null && parsed > 0 && ids.size() < 5) {
          ids.add(parsed);
        }
      }
    }
    return ids;
  }

  /**
   * A claim id from the form: null when blank; a number that names no claim (-1) when it is not a
   * number, so the claims' own rule refuses the row with the field named.
   */
  private static Long id(String sent) {
    return UiActions.blank(sent) == null ? null : UiActions.claimNumber(sent).orElse(-1L);
  }

  private static ClaimInput input(Map<String, String> form, int i, String text, String url) {
    String at = UiActions.blank(form.get("at." + i));
    return new ClaimInput(
        Candidate.externalRef(url, text, at == null ? "row" + i : at),
        UiActions.blank(form.get("statement." + i)),
        null,
        null,
        null,
        UiActions.blank(form.get("entityName." + i)),
        UiActions.blank(form.get("metric." + i)),
        UiActions.blank(form.get("value." + i)),
        UiActions.blank(form.get("valueHigh." + i)),
        UiActions.blank(form.get("unit." + i)),
        UiActions.blank(form.get("qualifier." + i)),
        UiActions.blank(form.get("periodStart." + i)),
        UiActions.blank(form.get("periodEnd." + i)),
        UiActions.blank(form.get("periodicity." + i)),
        UiActions.blank(form.get("kind." + i)),
        UiActions.blank(form.get("resolvesOn." + i)),
        UiActions.blank(form.get("statedAt")),
        url == null
            ? null
            : new SourceInput(url, null, UiActions.blank(form.get("sourcePublisher")), null),
        null,
        id(form.get("duplicateOf." + i)));
  }

  private static int parse(String n) {
    try {
      return n == null ? 0 : Math.max(0, Integer.parseInt(n.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
