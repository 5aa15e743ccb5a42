package org.claimwatch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.claimwatch.extract.NumberFinder.Found;
import org.yaml.snakeyaml.Yaml;

/**
 * The development set (src/test/resources/fixtures/articles: official texts and a hand-made
 * gold.json) and how the extractor scores on it, per language and field. Run by hand:
 *
 * <pre>
 * mvn -q exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-classpath %classpath org.claimwatch.extract.GoldSet"
 * </pre>
 *
 * A core number is found when a candidate has its value (sign ignored, as gold.json allows); a
 * candidate is right when its value is a core number's, so noise and unlisted numbers count against
 * precision. Unit and qualifier are scored on the core numbers found.
 */
public final class GoldSet {
  /** One number of the gold set. */
  record Core(String hint, BigDecimal value, BigDecimal valueHigh, String unit, String qualifier) {}

  /** One text with what must be found in it. */
  record Article(String file, String language, String text, List<Core> core, List<String> noise) {}

  /** Counts of one language. */
  static final class Score {
    int core;
    int found;
    int candidates;
    int right;
    int unitRight;
    int qualifierRight;
    final List<String> missed = new ArrayList<>();
    final List<String> wrong = new ArrayList<>();

    double recall() {
      return core == 0 ? 1 : (double) found / core;
    }

    double precision() {
      return candidates == 0 ? 1 : (double) right / candidates;
    }

    double unitAccuracy() {
      return found == 0 ? 1 : (double) unitRight / found;
    }

    double qualifierAccuracy() {
      return found == 0 ? 1 : (double) qualifierRight / found;
    }
  }

  private GoldSet() {}

  @SuppressWarnings("unchecked")
  static List<Article> articles() {
    Map<String, Object> gold = new Yaml().load(resource("gold.json"));
    List<Article> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : gold.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> m)) {
        continue;
      }
      List<Core> core = new ArrayList<>();
      for (Map<String, Object> c : (List<Map<String, Object>>) m.get("core")) {
        core.add(
            new Core(
                (String) c.get("hint"),
                new BigDecimal(String.valueOf(c.get("value"))),
                c.get("valueHigh") == null
                    ? null
                    : new BigDecimal(String.valueOf(c.get("valueHigh"))),
                (String) c.get("unit"),
                c.get("qualifier") == null ? "EXACT" : (String) c.get("qualifier")));
      }
      out.add(
          new Article(
              e.getKey(),
              (String) m.get("language"),
              resource(e.getKey()),
              core,
              (List<String>) m.get("noise")));
    }
    return out;
  }

  /** Scores per language ("en", "de"). */
  static Map<String, Score> score(List<Article> articles) {
    Map<String, Score> scores = new TreeMap<>();
    for (Article a : articles) {
      Score s = scores.computeIfAbsent(a.language(), k -> new Score());
      List<Found> found = NumberFinder.find(a.text(), a.language());
      s.core += a.core().size();
      s.candidates += found.size();
      for (Core c : a.core()) {
        Found f = found.stream().filter(x -> sameValue(x, c)).findFirst().orElse(null);
        if (f == null) {
          s.missed.add(a.file() + ": " + c.hint());
          continue;
        }
        s.found++;
        if (c.unit() == null || c.unit().equals(f.unit())) {
          s.unitRight++;
        }
        String q = f.qualifier() == null ? "EXACT" : f.qualifier().name();
        if (q.equals(c.qualifier()) || (c.valueHigh() != null && q.equals("RANGE"))) {
          s.qualifierRight++;
        }
      }
      for (Found f : found) {
        if (a.core().stream().anyMatch(c -> sameValue(f, c))) {
          s.right++;
        } else {
          s.wrong.add(a.file() + ": " + a.text().substring(f.start(), f.end()));
        }
      }
    }
    return scores;
  }

  private static boolean sameValue(Found f, Core c) {
    return f.value().abs().compareTo(c.value().abs()) == 0
        || (f.valueHigh() != null && f.valueHigh().abs().compareTo(c.value().abs()) == 0);
  }

  private static String resource(String name) {
    try (InputStream in = GoldSet.class.getResourceAsStream("/fixtures/articles/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) {
    Map<String, Score> scores = score(articles());
    System.out.printf(
        "%-4s %6s %6s %9s %6s %6s %6s%n",
        "lang", "core", "found", "precision", "recall", "unit", "qualif");
    scores.forEach(
        (lang, s) -> {
          System.out.printf(
              "%-4s %6d %6d %9.2f %6.2f %6.2f %6.2f%n",
              lang,
              s.core,
              s.found,
              s.precision(),
              s.recall(),
              s.unitAccuracy(),
              s.qualifierAccuracy());
          s.missed.forEach(m -> System.out.println("  missed " + m));
          s.wrong.forEach(w -> System.out.println("  wrong  " + w));
        });
  }
}
