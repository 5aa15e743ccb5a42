package org.claimwatch.ui;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.ClaimField;
import org.claimwatch.claim.ClaimHistoryReader;
import org.claimwatch.claim.ClaimQueries;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.report.FigureView;
import org.claimwatch.report.ReportService;
import org.claimwatch.review.Queue;
import org.claimwatch.review.QueueCount;
import org.claimwatch.review.QueueFilter;
import org.claimwatch.review.QueueService;
import org.claimwatch.review.VerdictService;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.Page;
import org.claimwatch.system.ProblemException;

/**
 * The models of the reviewer pages, built from the same services the API calls (no second copy of
 * the rules). Views get maps (what the templates read), made from the API's own views.
 */
@Singleton
class Pages {
  /** Queue counts on the pages stop here. */
  static final int COUNT_CAP = 1_000;

  private final QueueService queues;
  private final ClaimQueries claims;
  private final ClaimHistoryReader history;
  private final VerdictService verdicts;
  private final ReportService reports;
  private final JsonMapper json;
  private final SubjectService subjects;

  Pages(
      QueueService queues,
      ClaimQueries claims,
      ClaimHistoryReader history,
      VerdictService verdicts,
      ReportService reports,
      SubjectService subjects,
      JsonMapper json) {
    this.subjects = subjects;
    this.queues = queues;
    this.claims = claims;
    this.history = history;
    this.verdicts = verdicts;
    this.reports = reports;
    this.json = json;
  }

  /** The signed-in actor, or on to sign-in with this page remembered. */
  static Actor actor(Authentication auth, HttpRequest<?> request) {
    if (auth == null) {
      throw new SignInRequired(pageOf(request));
    }
    return Actor.of(auth);
  }

  /**
   * The page to come back to after sign-in: the page itself, or for a form sent from a page (a
   * POST, which cannot be repeated by a redirect) the page the form is on.
   */
  static String pageOf(HttpRequest<?> request) {
    String path = request.getPath();
    if (request.getMethod() == io.micronaut.http.HttpMethod.GET) {
      String uri = request.getUri().toString();
      return uri.startsWith("/ui") ? uri : "/ui";
    }
    if (path.startsWith("/ui/admin/tokens")) {
      return "/ui/admin/tokens";
    }
    java.util.regex.Matcher m = FORM_PAGE.matcher(path);
    return m.matches() ? m.group(1) : "/ui/queue/unreviewed";
  }

  /** A form's URL and the page it is on: /ui/claims/7/verdict is on /ui/claims/7. */
  private static final java.util.regex.Pattern FORM_PAGE =
      java.util.regex.Pattern.compile("(/ui/(?:claims|queue|admin/webhooks)/[^/]{1,100})/.*");

  /** The reader's language, from Accept-Language (en or de). */
  static Locale locale(HttpRequest<?> request) {
    String header = request.getHeaders().get("Accept-Language");
    try {
      return Numbers.pick(header == null ? List.of() : Locale.LanguageRange.parse(header));
    } catch (IllegalArgumentException badHeader) {
      return Locale.ENGLISH;
    }
  }

  /** What every page shows: who is signed in, their role, the queues and the CSRF token. */
  Map<String, Object> base(Authentication auth, Actor actor, Locale locale) {
    Map<String, Object> m = new HashMap<>();
    m.put("fmt", new Numbers(locale));
    m.put("user", actor.name());
    m.put("role", auth.getAttributes().get("role"));
    m.put("csrf", auth.getAttributes().get(SessionAuthenticationFetcher.CSRF));
    m.put("checker", actor.has(Role.R_CHECKER));
    m.put("editor", actor.has(Role.R_EDITOR));
    return m;
  }

  Map<String, Object> queue(
      Authentication auth,
      Actor actor,
      Locale locale,
      String name,
      QueueFilter filter,
      String entityName,
      String message) {
    Map<String, Object> m = base(auth, actor, locale);
    // Checkers type an entity's name or alias; the queue filters by its id.
    String shownEntity = entityName;
    if (filter.entityId() == null && entityName != null) {
      var id = subjects.resolve(entityName);
      if (id.isPresent()) {
        filter =
            new QueueFilter(
                id.get(),
                filter.metric(),
                filter.language(),
                filter.status(),
                filter.check(),
                filter.cursor(),
                filter.limit());
      } else {
        message = "No entity is called \"" + entityName + "\": showing every entity.";
      }
    } else if (filter.entityId() != null) {
      shownEntity = subjects.names(List.of(filter.entityId())).get(filter.entityId());
    }
    Page<ClaimView> page = queues.page(name, filter, actor);
    List<Map<String, Object>> counts = new ArrayList<>();
    Numbers fmt = new Numbers(locale);
    // Capped: the page shows "1,000+" instead of reading a million index entries per view.
    for (QueueCount c : queues.countsUpTo(QueueFilter.none(), actor, COUNT_CAP)) {
      Map<String, Object> count = toMap(c);
      count.put(
          "label",
          c.count() > COUNT_CAP
              ? fmt.num(Integer.toString(COUNT_CAP)) + "+"
              : fmt.num(Long.toString(c.count())));
      counts.add(count);
    }
    m.put("queue", name);
    m.put("counts", counts);
    m.put("rows", toMaps(page.items()));
    m.put("nextCursor", page.nextCursor());
    Map<String, Object> f = new HashMap<>();
    f.put("entityId", filter.entityId());
    f.put("entity", shownEntity);
    f.put("metric", filter.metric());
    f.put("language", filter.language());
    f.put("status", filter.status());
    f.put("check", filter.check());
    m.put("filter", f);
    List<String> outcomes = new ArrayList<>();
    for (org.claimwatch.recheck.Outcome o : org.claimwatch.recheck.Outcome.values()) {
      outcomes.add(o.name());
    }
    outcomes.add("NONE");
    m.put("checkOutcomes", outcomes);
    m.put(
        "allStatuses",
        java.util.Arrays.stream(org.claimwatch.claim.ClaimStatus.values())
            .map(Enum::name)
            .toList());
    m.put("message", message);
    return m;
  }

  Map<String, Object> claim(
      Authentication auth, Actor actor, Locale locale, long id, Map<String, Object> form) {
    Map<String, Object> m = base(auth, actor, locale);
    ClaimView c = claims.get(id);
    Map<String, Object> claim = toMap(c);
    m.put("claim", claim);
    m.put("history", toMaps(history.history(id)));
    m.put("verdicts", toMaps(verdicts.list(id)));
    List<FigureView> figures =
        c.entityId() == null || c.metric() == null
            ? List.of()
            : reports.figures(c.entityId(), c.metric(), null, null);
    // The figures the claim's check judged come first and preselected as evidence; the rest of
    // the series folds away.
    java.util.Set<Long> judged = new java.util.HashSet<>();
    if (c.check() != null) {
      c.check().figures().forEach(f -> judged.add(f.factId()));
    }
    m.put("judgedFacts", toMaps(figures.stream().filter(f -> judged.contains(f.id())).toList()));
    m.put("otherFacts", toMaps(figures.stream().filter(f -> !judged.contains(f.id())).toList()));
    m.put("facts", figures);
    m.put("chart", Chart.svg(figures, c));
    m.put("chartPeriod", Chart.periodType(c).equals("YEAR") ? "years" : "quarters");
    Object assignment = claim.get("assignment");
    String holder =
        assignment instanceof Map<?, ?> a && a.get("holder") != null
            ? a.get("holder").toString()
            : null;
    m.put("mine", actor.name().equals(holder));
    m.put("holder", holder);
    m.put("form", form == null ? Map.of() : form);
    m.put(
        "statuses",
        List.of("ACCURATE", "MOSTLY_ACCURATE", "MISLEADING", "INACCURATE", "UNVERIFIABLE"));
    return m;
  }

  /** The structured fields a checker may edit on the edit page, in order. */
  static final List<String> EDITABLE = ClaimField.editPage();

  /** The edit form: the claim's fields as they are, or as the checker sent them. */
  Map<String, Object> edit(
      Authentication auth, Actor actor, Locale locale, long id, Map<String, String> sent) {
    Map<String, Object> m = base(auth, actor, locale);
    Map<String, Object> claim = toMap(claims.get(id));
    m.put("claim", claim);
    m.put("fields", EDITABLE);
    Map<String, Object> form = new HashMap<>();
    if (sent == null) {
      for (String f : EDITABLE) {
        form.put(f, claim.get(f));
      }
      form.put("version", claim.get("version"));
    } else {
      form.putAll(sent);
    }
    m.put("form", form);
    m.put("errorFields", List.of());
    return m;
  }

  /** The friendly page for what is not there. */
  Map<String, Object> notFound(Authentication auth, Actor actor, Locale locale, String what) {
    Map<String, Object> m = base(auth, actor, locale);
    m.put("what", what);
    return m;
  }

  static boolean isQueue(String name) {
    for (Queue q : Queue.values()) {
      if (q.path().equals(name)) {
        return true;
      }
    }
    return false;
  }

  static ProblemException notFound(String what) {
    return ProblemException.notFound(what);
  }

  Map<String, Object> toMap(Object o) {
    try {
      return json.readValue(json.writeValueAsBytes(o), Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Map<String, Object>> toMaps(List<?> items) {
    List<Map<String, Object>> out = new ArrayList<>(items.size());
    for (Object o : items) {
      out.add(toMap(o));
    }
    return out;
  }

  static Map<String, Object> formOf(Map<String, String> params) {
    return new LinkedHashMap<>(params);
  }
}
