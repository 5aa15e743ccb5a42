package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import java.util.Map;
import org.claimwatch.claim.ClaimView;
import org.claimwatch.claim.HistoryEntry;
import org.claimwatch.report.FigureView;
import org.claimwatch.review.VerdictView;

/**
 * {@code claim.html}: a claim with its check, reported series ({@code chart}, an inline SVG), the
 * verdict form and the verdicts and history so far. {@code facts} is the whole series; the figures
 * the check judged ({@code judgedFacts}) are offered first as evidence, the rest folded away.
 * {@code form} is what the reviewer had typed (empty for a fresh page); {@code error} and {@code
 * errorFields} say why a form came back.
 */
@Introspected
record ClaimPage(
    Layout layout,
    ClaimView claim,
    List<HistoryEntry> history,
    List<VerdictView> verdicts,
    List<FigureView> facts,
    List<FigureView> judgedFacts,
    List<FigureView> otherFacts,
    String chart,
    String chartPeriod,
    boolean mine,
    String holder,
    Map<String, String> form,
    List<String> statuses,
    String error,
    List<String> errorFields,
    Links links) {

  /**
   * The claim it repeats ({@code original}), the claims that repeat it, and the published verdict
   * of one of them offered for this claim ({@code offer}: null when none differs from its own).
   */
  @Introspected
  record Links(Linked original, List<Linked> repeats, Offer offer) {}

  /** A linked claim as the page names it. */
  @Introspected
  record Linked(long id, String statement, String status) {}

  /** A linked claim's published verdict, offered to fill this claim's verdict form. */
  @Introspected
  record Offer(long claimId, VerdictView verdict) {}

  /** This page saying why its form came back, with the fields at fault marked. */
  ClaimPage failed(String why, List<String> fields) {
    return new ClaimPage(
        layout,
        claim,
        history,
        verdicts,
        facts,
        judgedFacts,
        otherFacts,
        chart,
        chartPeriod,
        mine,
        holder,
        form,
        statuses,
        why,
        fields,
        links);
  }
}
