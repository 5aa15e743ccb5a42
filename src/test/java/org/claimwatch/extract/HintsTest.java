package org.claimwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each cheap test says yes wherever the regular expression it stands for finds something (it may
 * say yes more often, never less): on every sentence of the fixtures and on random text. And it is
 * worth having: it says no to a good part of those sentences.
 */
class HintsTest {
  private static final String MONTH_START =
      "\\b(?:jan|j\u00e4n|feb|m\u00e4r|mar|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])";

  /** The patterns the tests stood for before they were plain string searches. */
  private static final Map<String, Pattern> SPECIFICATION =
      Map.of(
          "day",
          Pattern.compile("(?i)" + MONTH_START + "|\\d{4}-\\d"),
          "before",
          Pattern.compile("(?i)vor|year|month|quarter|jahr|\\(|" + MONTH_START),
          "fiscal",
          Pattern.compile("(?i)fiscal|financial|gesch\u00e4fts|wirtschaftsjahr|\\bFY|\\bGJ"));

  private static final Map<String, Predicate<String>> HINTS =
      Map.of(
          "day", Hints::mayNameADay,
          "before", Hints::mayBeBefore,
          "fiscal", Hints::mayBeFiscal);

  @Test
  void saysYesWhereverItsPatternFindsInTheFixtures() throws IOException {
    List<String> sentences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.toString().matches(".*\\.(txt|md|jsonl|csv)$")) {
          sentences.addAll(List.of(Files.readString(f, StandardCharsets.UTF_8).split("[.!?\n]")));
        }
      }
    }
    for (String name : HINTS.keySet()) {
      int found = 0;
      int saidNo = 0;
      for (String s : sentences) {
        boolean expected = SPECIFICATION.get(name).matcher(s).find();
        boolean hint = HINTS.get(name).test(s);
        assertTrue(hint || !expected, name + " says no to [" + s + "]");
        found += expected ? 1 : 0;
        saidNo += hint ? 0 : 1;
      }
      assertTrue(found > 20, name + " found in " + found + " sentences");
      assertTrue(saidNo > sentences.size() / 4, name + " said no to " + saidNo);
    }
  }

  @Test
  void saysYesWhereverItsPatternFindsInRandomText() {
    String[] pieces = {
      " ",
      "-",
      "_",
      "(",
      ".",
      "0",
      "2024",
      "7",
      "a",
      "e",
      "x",
      "é",
      "ä",
      "\u00a0",
      "JAN",
      "Jän",
      "feb",
      "MÄR",
      "Mar",
      "apr",
      "mai",
      "May",
      "jun",
      "Jul",
      "AUG",
      "sep",
      "oct",
      "Okt",
      "nov",
      "dec",
      "Dez",
      "vor",
      "Year",
      "month",
      "QUARTER",
      "Jahr",
      "fiscal",
      "Financial",
      "Geschäfts",
      "wirtschaftsjahr",
      "FY",
      "gj",
      "f",
      "y",
      "g",
      "j"
    };
    Random random = new Random(20261202L);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      for (String name : HINTS.keySet()) {
        if (SPECIFICATION.get(name).matcher(t).find()) {
          assertTrue(HINTS.get(name).test(t), name + " says no to [" + t + "]");
        }
      }
    }
  }

  @Test
  void aMonthCountsOnlyAtTheStartOfAWord() {
    assertEquals(false, Hints.mayNameADay("Umsatz stieg um 5 Prozent"));
    assertEquals(true, Hints.mayNameADay("im Mai stieg"));
    assertEquals(false, Hints.mayNameADay("Lumar 2024"));
    assertEquals(true, Hints.mayNameADay("am 2024-06-01"));
    assertEquals(false, Hints.mayBeFiscal("Shopify Jahresumsatz"));
    assertEquals(true, Hints.mayBeFiscal("in FY24"));
  }
}
