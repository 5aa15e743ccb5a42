package org.claimwatch.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimwatch.auth.Actor;
import org.claimwatch.claim.Claim;
import org.claimwatch.extract.MetricKeywordStore.Row;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which words name which claim metric in a sentence, per language (table {@code metric_keywords}):
 * data an EDITOR replaces whole, like the metric map. Extraction reads it compiled ({@link
 * MetricKeywords}), kept per instance until the table changes: one cheap query per text tells, so
 * every instance sharing the database reads a change with its next text, and none recompiles it per
 * text.
 */
@Singleton
public class MetricLexicon implements MetricWords {
  /** The most entries the table holds. */
  public static final int MAX_ENTRIES = 5_000;

  /** The longest keyword, in characters. */
  public static final int MAX_KEYWORD = 80;

  private static final Logger LOG = LoggerFactory.getLogger(MetricLexicon.class);

  /**
   * A keyword of a language and the metric it names (a claim's metric name). {@code negative}: the
   * word says a loss, so the number is read as below zero ("Verlust", "lose").
   */
  @Serdeable
  public record Entry(String language, String keyword, String metric, @Nullable Boolean negative) {}

  /** A whole new table. */
  @Serdeable
  public record LexiconBody(List<Entry> entries) {}

  private final MetricKeywordStore store;
  private final Transactions transactions;

  /** The keywords compiled per language, and the version of the table they were read at. */
  private record Compiled(String version, Map<String, MetricKeywords> byLanguage) {}

  private volatile Compiled compiled = new Compiled("", Map.of());

  MetricLexicon(MetricKeywordStore store, Transactions transactions) {
    this.store = store;
    this.transactions = transactions;
  }

  /** The table, by language and keyword. */
  public List<Entry> list() {
    return store.all().stream().map(MetricLexicon::entry).toList();
  }

  /**
   * Replaces the whole table with {@code body}, or refuses it (400 naming every bad field) and
   * changes nothing; returns the table as it now stands.
   */
  public List<Entry> replace(LexiconBody body, Actor actor) {
    List<Row> rows = validate(body);
    // Two editors replacing it at once can deadlock on the rows' locks: the loser runs again.
    List<Entry> out =
        transactions.write(() -> store.replace(rows)).stream().map(MetricLexicon::entry).toList();
    LOG.info("{} replaced the metric lexicon: {} keywords", actor.name(), out.size());
    return out;
  }

  /** The keywords of {@code language}, compiled; recompiled only when the table has changed. */
  @Override
  public MetricKeywords of(String language) {
    Compiled current = compiled;
    if (!current.version().equals(store.version())) {
      synchronized (this) {
        current = compiled;
        MetricKeywordStore.Snapshot s = store.snapshot();
        if (!current.version().equals(s.version())) {
          current = compile(s);
          compiled = current;
        }
      }
    }
    return current.byLanguage().getOrDefault(language, MetricKeywords.NONE);
  }

  private static Compiled compile(MetricKeywordStore.Snapshot s) {
    Map<String, List<MetricKeywords.Keyword>> byLanguage = new HashMap<>();
    for (Row r : s.rows()) {
      byLanguage
          .computeIfAbsent(r.language(), k -> new ArrayList<>())
          .add(new MetricKeywords.Keyword(r.keyword(), r.metric(), r.negative()));
    }
    Map<String, MetricKeywords> out = new HashMap<>();
    byLanguage.forEach((language, words) -> out.put(language, MetricKeywords.of(language, words)));
    return new Compiled(s.version(), Map.copyOf(out));
  }

  private static List<Row> validate(LexiconBody body) {
    List<Entry> entries = body == null || body.entries() == null ? List.of() : body.entries();
    if (entries.isEmpty()) {
      throw ProblemException.invalidField(
          "entries", "required: [{language, keyword, metric, negative}, ...]");
    }
    if (entries.size() > MAX_ENTRIES) {
      throw ProblemException.invalidField(
          "entries", "at most " + MAX_ENTRIES + " entries (this has " + entries.size() + ")");
    }
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> firstOf = new HashMap<>();
    List<Row> rows = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      String p = "entries[" + i + "]";
      Entry e = entries.get(i);
      if (e == null) {
        errors.add(new FieldError(p, "must be {language, keyword, metric, negative}"));
        continue;
      }
      String language = e.language() == null ? null : e.language().strip().toLowerCase(Locale.ROOT);
      boolean languageOk = language != null && ExtractionService.LANGUAGES.contains(language);
      if (!languageOk) {
        errors.add(new FieldError(p + ".language", "must be en or de"));
      }
      String keyword = keyword(e.keyword(), p + ".keyword", errors);
      if (!Claim.isMetric(e.metric())) {
        errors.add(
            new FieldError(
                p + ".metric", "must be a claim's metric: a lower-case key such as revenue"));
      }
      if (keyword != null && languageOk) {
        Integer first = firstOf.putIfAbsent(language + "|" + keyword, i);
        if (first != null) {
          errors.add(
              new FieldError(
                  p + ".keyword", "repeats entries[" + first + "].keyword in " + language));
        }
      }
      rows.add(new Row(language, keyword, e.metric(), Boolean.TRUE.equals(e.negative())));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    return rows;
  }

  /** The keyword stripped and in lower case, or null (with the fault in errors). */
  private static String keyword(String given, String field, List<FieldError> errors) {
    String k = given == null ? "" : given.strip();
    String fault = null;
    if (k.isEmpty()) {
      fault = "required: a word or phrase";
    } else if (k.length() > MAX_KEYWORD) {
      fault = "at most " + MAX_KEYWORD + " characters";
    } else if (!plain(k)) {
      fault = "must be one line of plain text";
    } else if (k.chars().noneMatch(Character::isLetter)) {
      fault = "must hold a letter";
    }
    if (fault != null) {
      errors.add(new FieldError(field, fault));
      return null;
    }
    return MetricKeywords.lower(k);
  }

  /** No control or line-breaking characters, no half of a surrogate pair. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isISOControl(cp)
          || cp == '\u2028'
          || cp == '\u2029'
          || (cp <= 0xFFFF && Character.isSurrogate((char) cp))) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static Entry entry(Row r) {
    return new Entry(r.language(), r.keyword(), r.metric(), r.negative());
  }
}
