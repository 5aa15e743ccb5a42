package org.claimwatch.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each feature keeps the statements on its tables (CONTRIBUTING, "How the code is laid out"). This
 * reads every class of the main code for SQL that names a table after FROM, JOIN, INTO, UPDATE or
 * DELETE ... FROM, and fails on a class of another feature unless it is a read model listed below,
 * with the tables it may name. A new reach into another feature's tables fails the build.
 */
class TableOwnershipTest {
  /** Each table's feature (package). */
  private static final Map<String, String> OWNER =
      Map.ofEntries(
          Map.entry("claims", "claim"),
          Map.entry("claim_history", "claim"),
          Map.entry("sources", "claim"),
          Map.entry("subjects", "subject"),
          Map.entry("subject_aliases", "subject"),
          Map.entry("api_tokens", "auth"),
          Map.entry("reports", "report"),
          Map.entry("reported_facts", "report"),
          Map.entry("figures", "report"),
          Map.entry("report_imports", "report"),
          Map.entry("metric_concepts", "report"),
          Map.entry("metric_map_applied", "report"),
          Map.entry("sec_polling", "report"),
          Map.entry("import_documents", "report"),
          Map.entry("rechecks", "recheck"),
          Map.entry("claim_checks", "recheck"),
          Map.entry("verdicts", "review"),
          Map.entry("verdict_evidence", "review"),
          Map.entry("outbox_events", "webhook"),
          Map.entry("webhook_subscriptions", "webhook"),
          Map.entry("webhook_deliveries", "webhook"),
          Map.entry("webhook_attempts", "webhook"),
          Map.entry("metric_keywords", "extract"),
          Map.entry("ui_sessions", "auth"),
          Map.entry("job_leases", "system"),
          Map.entry("gauge_readings", "system"));

  /**
   * The read models CONTRIBUTING lists ("Read models"): the only classes that may name another
   * feature's tables, and which. Flagging judges claims against figures in set-based SQL (a filing
   * can flag 100,000 claims in one statement); claim and queue pages read a claim with its open
   * flag and entity in one statement per page.
   */
  private static final Map<String, Set<String>> READ_MODELS =
      Map.ofEntries(
          // flagging
          Map.entry("recheck/Judging", Set.of("claims", "figures")),
          Map.entry("recheck/CheckStore", Set.of("claims", "figures", "subjects")),
          Map.entry("recheck/RecheckPlanner", Set.of("claims", "figures")),
          Map.entry("recheck/FlagEvents", Set.of("figures")),
          // claim and queue pages
          Map.entry("claim/ClaimRows", Set.of("rechecks", "subjects")),
          Map.entry("review/QueueService", Set.of("claims", "rechecks")));

  private static final Pattern TABLE =
      Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|DELETE\\s+\\w+\\s+FROM)\\s+([a-z_]+)\\b");

  @Test
  void no_feature_names_another_features_table_outside_the_listed_read_models() throws IOException {
    Path main = Path.of("src/main/java/org/claimwatch");
    Set<String> found = new TreeSet<>();
    Set<String> unused = new TreeSet<>();
    READ_MODELS.forEach((cls, tables) -> tables.forEach(t -> unused.add(cls + " " + t)));
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = main.relativize(f).toString().replace('\\', '/').replace(".java", "");
        String feature = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
        Set<String> allowed = READ_MODELS.getOrDefault(rel, Set.of());
        Matcher m = TABLE.matcher(Files.readString(f));
        while (m.find()) {
          String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
          String owner = OWNER.get(table);
          if (owner != null && !owner.equals(feature) && !allowed.contains(table)) {
            found.add(rel + " names " + table + " (" + owner + "'s)");
          }
          unused.remove(rel + " " + table);
        }
      }
    }
    assertEquals(Set.of(), found, "SQL on another feature's tables outside the read models");
    assertEquals(Set.of(), unused, "listed here but no longer named: take them off the list");
  }
}
