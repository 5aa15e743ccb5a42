package org.claimwatch.extract;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Apache OpenNLP's published models, read from the class path the first time they are needed (the
 * language model is 10 MB): sentences of English and German text, and which of the two a text is
 * in. The models are thread-safe; the detectors made from them are cheap and made per call.
 */
@Singleton
class TextModels {
  /** The languages extraction reads, by OpenNLP's ISO 639-3 codes. */
  private static final Map<String, String> LANGUAGES = Map.of("eng", "en", "deu", "de");

  private final Map<String, SentenceModel> sentences = new ConcurrentHashMap<>();
  private volatile LanguageDetectorModel languages;

  /** The sentences of the text, as spans. */
  Span[] sentences(String text, String language) {
    SentenceModel model =
        sentences.computeIfAbsent(
            language,
            l ->
                load(
                    "de".equals(l)
                        ? "/opennlp-de-ud-gsd-sentence-1.3-2.5.4.bin"
                        : "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin",
                    SentenceModel::new));
    return splitAtBlankLines(
        text,
        joinAfterAbbreviations(
            text, new SentenceDetectorME(model).sentPosDetect(withBrokenRuns(text))));
  }

  /** The longest run of characters with no white space that the sentence model is given. */
  static final int LONGEST_RUN = 128;

  /**
   * {@code text} with a space in place of every {@link #LONGEST_RUN}th character of a longer run
   * with no white space (same length: the spans stay the text's). The model scans ahead from every
   * full stop to the next white space, so a run of 200,000 dots took it 40 s; no word or number is
   * that long.
   */
  static String withBrokenRuns(String text) {
    char[] out = null;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        run = 0;
      } else if (++run > LONGEST_RUN) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = ' ';
        run = 0;
      }
    }
    return out == null ? text : new String(out);
  }

  /** An empty line between paragraphs. */
  private static final java.util.regex.Pattern BLANK_LINE =
      java.util.regex.Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");

  /**
   * An empty line ends a sentence whatever the model says: a headline with no full stop is not the
   * start of the first sentence ("Alphabet beats forecasts ..." above "MOUNTAIN VIEW, July 23, 2025
   * - Alphabet reported ...").
   */
  private static Span[] splitAtBlankLines(String text, Span[] spans) {
    java.util.List<Span> out = new java.util.ArrayList<>(spans.length);
    for (Span s : spans) {
      java.util.regex.Matcher m = BLANK_LINE.matcher(text).region(s.getStart(), s.getEnd());
      int from = s.getStart();
      while (m.find()) {
        int to = m.start();
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
          to--;
        }
        if (to > from) {
          out.add(new Span(from, to));
        }
        from = m.end();
      }
      if (s.getEnd() > from) {
        out.add(new Span(from, s.getEnd()));
      }
    }
    return out.toArray(new Span[0]);
  }

  /**
   * Abbreviations the models take for a sentence's end ("600 Mio. Euro", "U.S. Bureau"): a span
   * that ends with one goes on into the next.
   */
  private static final java.util.regex.Pattern ABBREVIATION =
      java.util.regex.Pattern.compile(
          "(?i)(?:^|[\\s(])(?:mio|mrd|bio|tsd|nr|no|ca|bzw|vgl|inkl|zzgl|dr|prof|st|abs|art|mr|ms|"
              + "mrs|inc|corp|co|ltd|vs|approx|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|"
              + "dez|dec|mia|u\\.s|z\\.b|u\\.a|d\\.h|e\\.g|i\\.e)\\.$");

  /**
   * Words that also end sentences ("rose 4.1 pct.", "a Series B."): the span goes on into the next
   * only when that starts in lower case or with a digit ("u. a. dank", "bln dlrs. in March").
   */
  private static final java.util.regex.Pattern MAYBE_ABBREVIATION =
      java.util.regex.Pattern.compile("(?i)(?:^|[\\s(])(?:bln|mln|dlrs|pct|\\p{L})\\.$");

  /**
   * A span that ends in a digit or a letter (no full stop, question or exclamation mark, closing
   * quote or bracket) was cut inside a sentence, as in a number's decimals ("rose to €19.5" and
   * "billion."): it goes on into the next unless a line break separates them (a headline). So does
   * a span cut right after a number's decimal point ("€19." and "5 billion.").
   */
  private static final java.util.regex.Pattern CUT =
      java.util.regex.Pattern.compile("[\\p{L}\\d,]$");

  /** A number's decimal point (or comma) at a span's end: "rose to €19." before "5 billion.". */
  private static final java.util.regex.Pattern DECIMAL_POINT =
      java.util.regex.Pattern.compile("\\d[.,]$");

  /**
   * A German ordinal at a span's end ("am 14.", "im 3."), what it counts starting the next: a
   * date's month ("November") or a period or rank ("Quartal", "Quartals", "Vierteljahr",
   * "Halbjahr", "Mal").
   */
  private static final java.util.regex.Pattern DAY =
      java.util.regex.Pattern.compile("(?:^|[\\s(])\\d{1,2}\\.$");

  private static final java.util.regex.Pattern MONTH_NEXT =
      java.util.regex.Pattern.compile(
          "(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
              + "|Dezember|January|February|March|May|June|July|October|December"
              + "|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\\b"
              + "|(?:Quartal|Geschäftsquartal|Vierteljahr|Jahresviertel|Halbjahr|Geschäftshalbjahr"
              + "|Jahrhundert)(?:e?s)?\\b|(?:Kalenderwoche|Mal|Platz|Rang|Stelle|KW)\\b");

  private static Span[] joinAfterAbbreviations(String text, Span[] spans) {
    java.util.List<Span> out = new java.util.ArrayList<>(spans.length);
    for (Span s : spans) {
      if (!out.isEmpty()) {
        Span last = out.get(out.size() - 1);
        // the abbreviation is at the span's end: its last dozen characters are enough to look at
        String lastText =
            text.substring(Math.max(last.getStart(), last.getEnd() - 12), last.getEnd());
        boolean sameLine = text.substring(last.getEnd(), s.getStart()).indexOf('\n') < 0;
        boolean decimals =
            DECIMAL_POINT.matcher(lastText).find()
                && s.getStart() == last.getEnd()
                && Character.isDigit(text.charAt(s.getStart()));
        if ((sameLine && CUT.matcher(lastText).find())
            || decimals
            || ABBREVIATION.matcher(lastText).find()
            || (MAYBE_ABBREVIATION.matcher(lastText).find()
                && (Character.isLowerCase(text.charAt(s.getStart()))
                    || Character.isDigit(text.charAt(s.getStart()))))
            || (DAY.matcher(lastText).find()
                && MONTH_NEXT.matcher(text).region(s.getStart(), s.getEnd()).lookingAt())) {
          out.set(out.size() - 1, new Span(last.getStart(), s.getEnd()));
          continue;
        }
      }
      out.add(s);
    }
    return out.toArray(new Span[0]);
  }

  /** "en" or "de", whichever the text is more likely in; null when it is in neither. */
  String language(String text) {
    if (languages == null) {
      synchronized (this) {
        if (languages == null) {
          languages = load("/langdetect-183.bin", LanguageDetectorModel::new);
        }
      }
    }
    Language[] ranked = new LanguageDetectorME(languages).predictLanguages(sample(text));
    for (int i = 0; i < ranked.length && i < 3; i++) {
      String code = LANGUAGES.get(ranked[i].getLang());
      if (code != null) {
        return code;
      }
    }
    return null;
  }

  /** How much of a text the language is told from: three windows of this many characters. */
  static final int SAMPLE_WINDOW = 500;

  /**
   * What the language is told from: a short text whole; of a longer one its beginning, middle and
   * end (500 characters each, cut at spaces), which say its language as well as the whole does and
   * cost a fraction of it (the detector counts every character n-gram of what it is given). A text
   * of up to 1,500 characters is read whole, so no text is told from less than a short one.
   */
  static String sample(String text) {
    if (text.length() <= 3 * SAMPLE_WINDOW) {
      return text;
    }
    int middle = text.length() / 2 - SAMPLE_WINDOW / 2;
    return window(text, 0)
        + " "
        + window(text, middle)
        + " "
        + window(text, text.length() - SAMPLE_WINDOW);
  }

  /** About {@link #SAMPLE_WINDOW} characters from {@code from}, without cut words at its ends. */
  private static String window(String text, int from) {
    int start = from;
    if (start > 0) {
      int space = text.indexOf(' ', start);
      start = space < 0 || space - from > 50 ? from : space + 1;
    }
    int end = Math.min(text.length(), start + SAMPLE_WINDOW);
    if (end < text.length()) {
      int space = text.lastIndexOf(' ', end);
      end = space <= start || end - space > 50 ? end : space;
    }
    // Never half a character: a cut between a surrogate pair moves past it.
    if (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))) {
      start++;
    }
    if (end < text.length() && end > start && Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    return text.substring(start, end);
  }

  private interface Reader<M> {
    M read(InputStream in) throws IOException;
  }

  private static <M> M load(String resource, Reader<M> reader) {
    try (InputStream in = TextModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
