package org.claimwatch.ui;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.claimwatch.claim.Claim;
import org.claimwatch.claim.ClaimField;
import org.claimwatch.claim.ClaimHistoryReader;
import org.claimwatch.claim.ClaimLinks;
import org.claimwatch.claim.ClaimQueries;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.recheck.Outcome;
import org.claimwatch.report.FigureView;
import org.claimwatch.report.ReportService;
import org.claimwatch.review.Queue;
import org.claimwatch.review.QueueFilter;
import org.claimwatch.review.QueueService;
import org.claimwatch.review.VerdictService;
import org.claimwatch.review.VerdictView;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.Page;
import org.claimwatch.system.ProblemException;

/**
 * The models of the reviewer pages, built from the same services the API calls (no second copy of
 * the rules): one record a page, holding the API's own views.
 */
@Singleton
class Pages {
  /** The queue page's {@code message} after "Take the next claim" found none. */
  static final String NOTHING_WAITS = "nothing-waits";

  /** Queue counts on the pages stop here. */
  static final int COUNT_CAP = 1_000;

  /** The structured fields a checker may edit on the edit page, in order. */
  static final List<String> EDITABLE = ClaimField.editPage();

  /** The check outcomes a queue filters by, and NONE: claims no figure judges. */
  private static final List<String> CHECK_OUTCOMES =
      Stream.concat(Arrays.stream(Outcome.values()).map(Enum::name), Stream.of("NONE")).toList();

  private static final List<String> CLAIM_STATUSES =
      Arrays.stream(ClaimStatus.values()).map(Enum::name).toList();

  private static final List<String> VERDICTS =
      List.of("ACCURATE", "MOSTLY_ACCURATE", "MISLEADING", "INACCURATE", "UNVERIFIABLE");

  /** A claim's members by their API names, which are the edit form's field names. */
  private static final BeanIntrospection<ClaimView> CLAIM_MEMBERS =
      BeanIntrospection.getIntrospection(ClaimView.class);

  private final QueueService queues;
  private final ClaimQueries claims;
  private final ClaimHistoryReader history;
  private final VerdictService verdicts;
  private final ReportService reports;
  private final SubjectService subjects;
  private final ClaimLinks links;

  Pages(
      QueueService queues,
      ClaimQueries claims,
      ClaimHistoryReader history,
      VerdictService verdicts,
      ReportService reports,
      SubjectService subjects,
      ClaimLinks links) {
    this.links = links;
    this.queues = queues;
    this.claims = claims;
    this.history = history;
    this.verdicts = verdicts;
    this.reports = reports;
    this.subjects = subjects;
  }

  /**
   * A queue's page; {@code notice} is what the page was sent here to say ({@link #NOTHING_WAITS}),
   * any other value is ignored (a link cannot put words of its own on the page).
   */
  QueuePage queue(Visit visit, String name, QueueFilter filter, String entityName, String notice) {
    String message = NOTHING_WAITS.equals(notice) ? visit.texts().get("notice.nothingWaits") : null;
    EntityChoice chosen = chooseEntity(visit, filter, entityName, message);
    Page<ClaimView> page = queues.page(name, chosen.filter(), visit.actor());
    return new QueuePage(
        visit.layout(),
        name,
        tabs(visit),
        page.items(),
        page.nextCursor(),
        QueuePage.Filter.of(chosen.filter(), chosen.shown()),
        CHECK_OUTCOMES,
        CLAIM_STATUSES,
        chosen.message());
  }

  /** The queue's filter by entity, the entity's name to show, and what to tell the checker. */
  private record EntityChoice(QueueFilter filter, String shown, String message) {}

  /** Checkers type an entity's name or alias; the queue filters by its id. */
  private EntityChoice chooseEntity(Visit visit, QueueFilter filter, String typed, String message) {
    if (filter.entityId() != null) {
      String name = subjects.names(List.of(filter.entityId())).get(filter.entityId());
      return new EntityChoice(filter, name, message);
    }
    if (typed == null) {
      return new EntityChoice(filter, null, message);
    }
    return subjects
        .resolve(typed)
        .map(id -> new EntityChoice(byEntity(filter, id), typed, message))
        .orElseGet(
            () -> new EntityChoice(filter, typed, visit.texts().get("error.noEntity", typed)));
  }

  private static QueueFilter byEntity(QueueFilter f, long entityId) {
    return new QueueFilter(
        entityId, f.metric(), f.language(), f.status(), f.check(), f.cursor(), f.limit());
  }

  /** Every queue with its size, capped: "1,000+" instead of reading a million index entries. */
  private List<QueuePage.Tab> tabs(Visit visit) {
    Numbers fmt = visit.layout().fmt();
    return queues.countsUpTo(QueueFilter.none(), visit.actor(), COUNT_CAP).stream()
        .map(
            c ->
                new QueuePage.Tab(
                    c.name(),
                    c.count() > COUNT_CAP
                        ? fmt.num(Integer.toString(COUNT_CAP)) + "+"
                        : fmt.num(Long.toString(c.count()))))
        .toList();
  }

  /** A claim's page; {@code form} is what the reviewer had typed, or null for a fresh page. */
  ClaimPage claim(Visit visit, long id, Map<String, String> form) {
    return claim(visit, id, form, null);
  }

  /**
   * A claim's page; a fresh page with {@code offerFrom} naming the linked claim whose verdict is
   * offered has the verdict form filled from that verdict.
   */
  ClaimPage claim(Visit visit, long id, Map<String, String> form, Long offerFrom) {
    ClaimView c = claims.get(id);
    ClaimPage.Links linked = links(c);
    if (form == null
        && linked.offer() != null
        && Long.valueOf(linked.offer().claimId()).equals(offerFrom)) {
      form = formOf(linked.offer(), visit.texts());
    }
    List<FigureView> figures =
        c.entityId() == null || c.metric() == null
            ? List.of()
            : reports.figures(c.entityId(), c.metric(), null, null);
    // The figures the claim's check judged come first and preselected as evidence; the rest of
    // the series folds away.
    Set<Long> judged = Chart.judged(c);
    String holder = c.assignment() == null ? null : c.assignment().holder();
    return new ClaimPage(
        visit.layout(),
        c,
        history.history(id),
        verdicts.list(id),
        figures,
        figures.stream().filter(f -> judged.contains(f.id())).toList(),
        figures.stream().filter(f -> !judged.contains(f.id())).toList(),
        Chart.svg(figures, c, visit.texts()),
        Chart.periodType(c).equals("YEAR") ? "years" : "quarters",
        visit.actor().name().equals(holder),
        holder,
        form == null ? Map.of() : form,
        VERDICTS,
        null,
        null,
        linked);
  }

  /**
   * The claim it repeats and the claims that repeat it; the first of them (the original first) with
   * a published verdict other than this claim's own is offered for it.
   */
  private ClaimPage.Links links(ClaimView c) {
    ClaimLinks.Links l = links.links(c.id(), c.duplicateOf());
    List<Claim> linked = new ArrayList<>();
    if (l.original() != null) {
      linked.add(l.original());
    }
    linked.addAll(l.duplicates());
    ClaimPage.Offer offer = null;
    for (Claim other : linked) {
      if (other.status().isVerdict() && !other.status().equals(c.status())) {
        offer =
            verdicts
                .published(other.id())
                .map(v -> new ClaimPage.Offer(other.id(), v))
                .orElse(null);
        if (offer != null) {
          break;
        }
      }
    }
    return new ClaimPage.Links(
        l.original() == null ? null : linkedOf(l.original()),
        l.duplicates().stream().map(Pages::linkedOf).toList(),
        offer);
  }

  private static ClaimPage.Linked linkedOf(Claim c) {
    return new ClaimPage.Linked(c.id(), c.statement(), c.status().name());
  }

  /**
   * The verdict form filled from a linked claim's verdict: its status, its rationale said to be
   * that claim's, the reported figures and the first URL it cited (each with its note).
   */
  private static Map<String, String> formOf(ClaimPage.Offer offer, Texts texts) {
    VerdictView v = offer.verdict();
    Map<String, String> form = new HashMap<>();
    form.put("status", v.status());
    form.put(
        "rationale",
        texts.get("dup.offer.rationale", Long.toString(offer.claimId()), v.rationale()));
    for (VerdictView.EvidenceView e : v.evidence()) {
      if (e.factId() != null) {
        form.put("fact-" + e.factId(), "on");
        form.put("note-" + e.factId(), e.note());
      } else if (e.url() != null && !form.containsKey("url")) {
        form.put("url", e.url());
        form.put("urlNote", e.note());
      }
    }
    return form;
  }

  /** The edit form: the claim's fields as they are, or as the checker sent them. */
  EditPage edit(Visit visit, long id, Map<String, String> sent) {
    ClaimView claim = claims.get(id);
    return new EditPage(
        visit.layout(), claim, EDITABLE, sent == null ? formOf(claim) : sent, null, List.of());
  }

  /** The edit form's fields filled from the claim, with the version it was read at. */
  private static Map<String, String> formOf(ClaimView claim) {
    Map<String, String> form = new HashMap<>();
    for (String f : EDITABLE) {
      Object value = CLAIM_MEMBERS.getProperty(f).map(p -> p.get(claim)).orElse(null);
      form.put(f, value == null ? null : value.toString());
    }
    form.put("version", Integer.toString(claim.version()));
    return form;
  }

  static boolean isQueue(String name) {
    for (Queue q : Queue.values()) {
      if (q.path().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** A page with this status: a form shown again, refused. */
  static MutableHttpResponse<?> page(HttpStatus status, String view, Object page) {
    return HttpResponse.status(status).body(new ModelAndView<>(view, page));
  }

  /** The friendly page for what is not there. */
  static MutableHttpResponse<?> notFound(Visit visit, String what) {
    return page(HttpStatus.NOT_FOUND, "not-found", new NotFoundPage(visit.layout(), what));
  }

  /** The page, or the friendly 404 page saying {@code what} when what it shows is not there. */
  static HttpResponse<?> orNotFound(Visit visit, String what, Supplier<ModelAndView<?>> page) {
    try {
      return HttpResponse.ok(page.get());
    } catch (RuntimeException failure) {
      ProblemException e = ProblemException.from(failure);
      if (e.status() == HttpStatus.NOT_FOUND) {
        return notFound(visit, what);
      }
      throw e;
    }
  }
}
