package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A guarded pattern finds exactly what {@link Matcher#find()} finds: the same matches, in order, on
 * every text of the fixtures (news and official texts in both languages, the held-out set included)
 * and on random text built from the pieces the patterns look for.
 */
class GuardedTest {
  /** NotClaims' patterns and every guarded pattern of the sentence reader and period words. */
  private static final List<Guarded> ALL = all();

  private static List<Guarded> all() {
    List<Guarded> out = new ArrayList<>(NotClaims.PATTERNS_EN);
    for (Class<?> c : List.of(SentenceReader.class, PeriodWords.class)) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == Guarded.class && Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          try {
            out.add((Guarded) f.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return out;
  }

  @Test
  void findsWhatFindFindsInEveryFixtureText() throws IOException {
    List<Path> texts;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures"))) {
      texts =
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.toString().matches(".*\\.(txt|md|jsonl|csv)$"))
              .toList();
    }
    assertTrue(texts.size() > 20, "fixture texts: " + texts.size());
    int matches = 0;
    for (Path file : texts) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (Guarded g : ALL) {
        List<String> expected = plainFind(g, text);
        assertEquals(expected, guarded(g, text), g.pattern() + " in " + file);
        matches += expected.size();
      }
    }
    assertTrue(matches > 500, "the texts hold dates, times and the like: " + matches);
  }

  @Test
  void coversTheSentenceReadersPatterns() {
    assertTrue(ALL.size() > NotClaims.PATTERNS_EN.size() + 20, "patterns: " + ALL.size());
  }

  @Test
  void findsWhatFindFindsInRandomTextOfTheFixturesWords() throws IOException {
    List<String> words = new ArrayList<>(List.of(" ", " ", ", ", ". ", "-", "(", ")", "'", "\n"));
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures/newsroom"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        words.addAll(List.of(Files.readString(f, StandardCharsets.UTF_8).split("\\s+")));
      }
    }
    Random random = new Random(20261203L);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(30);
      for (int i = 0; i < length; i++) {
        text.append(words.get(random.nextInt(words.size())));
        text.append(random.nextInt(4) == 0 ? "" : " ");
      }
      String t = text.toString();
      for (Guarded g : ALL) {
        assertEquals(plainFind(g, t), guarded(g, t), g.pattern() + " in [" + t + "]");
      }
    }
  }

  @Test
  void findsWhatFindFindsInRandomText() {
    String[] pieces = {
      " ",
      " ",
      "  ",
      "\n",
      "\t",
      ".",
      ",",
      ":",
      "/",
      "-",
      "–",
      "'",
      "(",
      ")",
      "+",
      "§",
      "_",
      "0",
      "1",
      "7",
      "12",
      "2024",
      "19",
      "20",
      "30",
      "0911",
      "a",
      "e",
      "x",
      "Q",
      "H",
      "FY",
      "cy",
      "ä",
      "ß",
      "é",
      "\u00a0",
      "am",
      "AM",
      "pm",
      "Uhr",
      "a.m.",
      "ET",
      "st",
      "th",
      "er",
      "s",
      "Jan.",
      "March",
      "Mai",
      "März",
      "Sept.",
      "Dezember",
      "No",
      "nr",
      "Table",
      "Seite",
      "pp",
      "Abb",
      "Form",
      "Telefon",
      "tel.",
      "Fax",
      "phone",
      "Hotline",
      "age",
      "aged",
      "im Alter von",
      "Jahrhundert",
      "jährigen",
      "year",
      "Quartal",
      "Mal",
      "bn",
      "mln",
      "pct",
      "ABC",
      "Z"
    };
    Random random = new Random(20261202L);
    for (int round = 0; round < 3_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      for (Guarded g : ALL) {
        assertEquals(plainFind(g, t), guarded(g, t), g.pattern() + " in [" + t + "]");
      }
    }
  }

  @Test
  void findsWhatFindFindsAfterLettersBeyondAscii() {
    // \b counts them as word characters up to Java 18 and not from Java 19: the guard asks
    for (String t :
        List.of(
            "éFY24",
            "Café2024-06-01",
            "ÄQ3 2024",
            "ßH1 FY24",
            "Ωfiscal 2024",
            "é12th",
            "ü0911 179-2218",
            "Übernahme im dritten Quartal 2024",
            "İFY2024",
            "a\u0301FY24")) {
      for (Guarded g : ALL) {
        assertEquals(plainFind(g, t), guarded(g, t), g.pattern() + " in [" + t + "]");
      }
      assertTrue(
          Hints.mayBeFiscal(t) || !fiscalRegexFinds(t), "fiscal hint says no to [" + t + "]");
    }
  }

  private static boolean fiscalRegexFinds(String t) {
    return Pattern.compile("(?i)fiscal|financial|gesch\u00e4fts|wirtschaftsjahr|\\bFY|\\bGJ")
        .matcher(t)
        .find();
  }

  @Test
  void aFailedFindHasNoMatchToRead() {
    Guarded.Finder f = Guarded.word("[0-9]", "\\b\\d+").finder("12 and 13");
    assertTrue(f.find());
    assertEquals("12", f.group());
    assertTrue(f.find());
    assertFalse(f.find());
    assertThrows(IllegalStateException.class, f::group);
    assertTrue(f.reset().find());
    assertEquals(0, f.start());
  }

  @Test
  void aGuardThatNamesTheWrongFirstCharacterMissesAndTheTestsAboveWouldSayIt() {
    Guarded wrong = Guarded.word("[a-z]", "\\b\\d+");
    assertEquals(List.of(), guarded(wrong, "sold 12 cars"));
    assertEquals(List.of("5-7"), plainFind(wrong, "sold 12 cars"));
  }

  @Test
  void everyMatchOpensWithABoundaryOnlyWithoutAnAlternativeOutsideTheGroups() {
    assertTrue(Guarded.opensWithBoundary("(?i)\\b(?:q1|h1)\\b"));
    assertTrue(Guarded.opensWithBoundary("\\b[|]x"));
    assertTrue(Guarded.opensWithBoundary("\\b\\|x"));
    assertFalse(Guarded.opensWithBoundary("\\bQ1|H1"));
    assertFalse(Guarded.opensWithBoundary("(?i)(?:\\bQ1|\\bH1)"));
    assertFalse(Guarded.opensWithBoundary("\\d+\\b"));
    assertFalse(Guarded.opensWithBoundary("\\b{g}x"));
    assertFalse(Guarded.opensWithBoundary("\\b?x"));
    assertFalse(Guarded.opensWithBoundary("\\b\\Q(\\Ea|b"));
    assertFalse(Guarded.opensWithBoundary("\\b[^](]a|b"));
  }

  @Test
  void aWordGuardNeedsAPatternThatOpensWithABoundary() {
    assertThrows(IllegalArgumentException.class, () -> Guarded.word("[0-9]", "\\d+\\b"));
    assertEquals(
        List.of("4-7", "12-15"),
        guarded(Guarded.word("[0-9]", "(?i)\\b\\d+(?:st|nd)\\b"), "the 1st and 2ND"));
  }

  private static List<String> plainFind(Guarded g, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = g.pattern().matcher(text);
    while (m.find()) {
      out.add(m.start() + "-" + m.end());
    }
    return out;
  }

  private static List<String> guarded(Guarded g, String text) {
    List<String> out = new ArrayList<>();
    g.forEach(text, (start, end) -> out.add(start + "-" + end));
    return out;
  }
}
