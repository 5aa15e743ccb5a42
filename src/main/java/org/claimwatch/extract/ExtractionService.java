package org.claimwatch.extract;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.util.Span;
import org.claimwatch.extract.NumberFinder.Found;
import org.claimwatch.system.Numbers;
import org.claimwatch.system.ProblemException;

/**
 * Claims from text: the language (given or detected), the sentences, and the numbers in each
 * sentence that could be checked. Nothing is stored.
 */
@Singleton
public class ExtractionService {
  /** The longest text read, in characters (API.md). */
  public static final int MAX_TEXT = 200_000;

  /** The most candidates one answer lists (a text of nothing but numbers has 100,000). */
  public static final int MAX_CANDIDATES = 2_000;

  /** A candidate's sentence is cut to this many characters around its number. */
  static final int MAX_SENTENCE = 1_000;

  private static final Set<String> LANGUAGES = Set.of("en", "de");

  private final TextModels models;

  ExtractionService(TextModels models) {
    this.models = models;
  }

  public Extraction extract(ExtractionRequest request) {
    String text = text(request);
    String language = language(request, text);
    List<Candidate> out = new ArrayList<>();
    for (Span s : models.sentences(text, language)) {
      String sentence = text.substring(s.getStart(), s.getEnd());
      for (Found f : NumberFinder.find(sentence, language)) {
        if (out.size() == MAX_CANDIDATES) {
          return new Extraction(language, out, true);
        }
        int start = s.getStart() + f.start();
        int end = s.getStart() + f.end();
        out.add(
            new Candidate(
                start,
                end,
                text.substring(start, end),
                around(sentence, f.start(), f.end()),
                Numbers.plain(f.value()),
                Numbers.plain(f.valueHigh()),
                f.unit(),
                f.qualifier() == null ? null : f.qualifier().name()));
      }
    }
    return new Extraction(language, out, false);
  }

  /** The sentence, or the part of a very long one around the number (whole words). */
  static String around(String sentence, int start, int end) {
    if (sentence.length() <= MAX_SENTENCE) {
      return sentence;
    }
    int room = Math.max(0, (MAX_SENTENCE - (end - start)) / 2);
    int from = Math.max(0, start - room);
    int to = Math.min(sentence.length(), end + room);
    while (from > 0 && from < start && !Character.isWhitespace(sentence.charAt(from - 1))) {
      from++;
    }
    while (to < sentence.length() && to > end && !Character.isWhitespace(sentence.charAt(to))) {
      to--;
    }
    return (from > 0 ? "…" : "")
        + sentence.substring(from, to)
        + (to < sentence.length() ? "…" : "");
  }

  private static String text(ExtractionRequest request) {
    String text = request == null ? null : request.text();
    if (text == null || text.isBlank()) {
      throw ProblemException.invalidField("text", "required: the text to read");
    }
    if (text.length() > MAX_TEXT) {
      throw ProblemException.invalidField(
          "text", "at most " + MAX_TEXT + " characters (this one has " + text.length() + ")");
    }
    long control =
        text.chars()
            .filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
            .count();
    if (control > 0 || text.indexOf('\uFFFD') >= 0) {
      throw ProblemException.invalidField(
          "text", "must be plain text (it holds control characters or undecodable bytes)");
    }
    return text;
  }

  private String language(ExtractionRequest request, String text) {
    String given = request.language();
    if (given != null && !given.isBlank()) {
      String l = given.strip().toLowerCase(java.util.Locale.ROOT);
      if (!LANGUAGES.contains(l)) {
        throw ProblemException.invalidField("language", "must be en or de");
      }
      return l;
    }
    String detected = models.language(text);
    if (detected == null) {
      throw ProblemException.invalidField(
          "language", "the text is in neither English nor German; say which with language");
    }
    return detected;
  }
}
