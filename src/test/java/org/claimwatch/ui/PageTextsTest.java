package org.claimwatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.MessageSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimwatch.auth.Role;
import org.claimwatch.claim.ClaimKind;
import org.claimwatch.claim.ClaimStatus;
import org.claimwatch.claim.Periodicity;
import org.claimwatch.claim.Qualifier;
import org.claimwatch.recheck.Outcome;
import org.claimwatch.recheck.Recheck;
import org.claimwatch.review.Queue;
import org.claimwatch.review.Verdict;
import org.claimwatch.webhook.DeliveryStatus;
import org.junit.jupiter.api.Test;

/**
 * The pages' texts: English and German have the same keys, and every key a template or the pages'
 * Java names exists. Templates name a key as {@code #{queue.takeNext}}, or as {@code #{${'status.'
 * + s}}} for the label of a stored name; such a prefix must be one of {@link #FAMILIES}, whose
 * every value needs a label.
 */
class PageTextsTest {
  private static final Path VIEWS = Path.of("src/main/resources/views");
  private static final Path UI_JAVA = Path.of("src/main/java/org/claimwatch/ui");

  /** The stored names the pages show by label: key prefix, and every value it takes. */
  private static final Map<String, List<String>> FAMILIES =
      Map.ofEntries(
          Map.entry("queue", Arrays.stream(Queue.values()).map(Queue::path).toList()),
          Map.entry("status", names(ClaimStatus.values())),
          Map.entry(
              "outcome",
              Stream.concat(names(Outcome.values()).stream(), Stream.of("NONE")).toList()),
          Map.entry("reason", names(Recheck.Reason.values())),
          Map.entry("qualifier", names(Qualifier.values())),
          Map.entry("periodicity", names(Periodicity.values())),
          Map.entry("kind", names(ClaimKind.values())),
          Map.entry("state", names(Verdict.State.values())),
          Map.entry("figureKind", List.of("REPORTED", "DERIVED")),
          Map.entry("role", names(Role.values())),
          Map.entry("delivery", names(DeliveryStatus.values())),
          Map.entry("series", List.of("quarters", "years")),
          Map.entry(
              "field",
              Stream.of(
                      NewClaimPage.FIELDS,
                      Pages.EDITABLE,
                      ArticlePage.FIELDS,
                      List.of("status", "check"))
                  .flatMap(List::stream)
                  .distinct()
                  .toList()));

  @Test
  void english_and_german_have_the_same_keys() throws IOException {
    Set<String> english = keys("i18n/messages.properties");
    Set<String> german = keys("i18n/messages_de.properties");
    Set<String> onlyEnglish = new TreeSet<>(english);
    onlyEnglish.removeAll(german);
    Set<String> onlyGerman = new TreeSet<>(german);
    onlyGerman.removeAll(english);
    assertEquals(Set.of(), onlyEnglish, "missing in messages_de.properties");
    assertEquals(Set.of(), onlyGerman, "missing in messages.properties");
    assertEquals(
        Set.of(), keys("i18n/messages_en.properties"), "English lives in messages.properties");
  }

  @Test
  void every_key_the_templates_name_exists() throws IOException {
    Set<String> known = keys("i18n/messages.properties");
    List<String> missing = new ArrayList<>();
    Pattern fixed = Pattern.compile("#\\{([A-Za-z][\\w.\\-]*)");
    Pattern labelled = Pattern.compile("#\\{\\$\\{'([A-Za-z]+)\\.' \\+");
    int seen = 0;
    try (Stream<Path> views = Files.list(VIEWS)) {
      for (Path view : views.toList()) {
        String html = Files.readString(view);
        Matcher m = fixed.matcher(html);
        while (m.find()) {
          seen++;
          if (!known.contains(m.group(1))) {
            missing.add(view.getFileName() + ": " + m.group(1));
          }
        }
        Matcher l = labelled.matcher(html);
        while (l.find()) {
          seen++;
          List<String> values = FAMILIES.get(l.group(1));
          if (values == null) {
            missing.add(view.getFileName() + ": unknown label family " + l.group(1));
            continue;
          }
          for (String v : values) {
            if (!known.contains(l.group(1) + "." + v)) {
              missing.add(view.getFileName() + ": " + l.group(1) + "." + v);
            }
          }
        }
      }
    }
    assertTrue(seen > 150, "the scan found the templates' keys: " + seen);
    assertEquals(List.of(), missing);
  }

  @Test
  void every_key_the_pages_java_names_exists() throws IOException {
    Set<String> known = keys("i18n/messages.properties");
    Pattern key = Pattern.compile("\"((?:error|notice|chart)\\.[A-Za-z]+)\"");
    List<String> missing = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> sources = Files.list(UI_JAVA)) {
      for (Path source : sources.toList()) {
        Matcher m = key.matcher(Files.readString(source));
        while (m.find()) {
          seen++;
          if (!known.contains(m.group(1))) {
            missing.add(source.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertTrue(seen > 20, "the scan found the Java's keys: " + seen);
    assertEquals(List.of(), missing);
  }

  /** One apostrophe alone quotes the rest of a message (MessageFormat's rule): write two. */
  @Test
  void no_message_has_a_lone_apostrophe() throws IOException {
    Pattern lone = Pattern.compile("(?<!')'(?!')");
    for (String file : List.of("i18n/messages.properties", "i18n/messages_de.properties")) {
      Properties p = load(file);
      for (String k : p.stringPropertyNames()) {
        assertTrue(!lone.matcher(p.getProperty(k)).find(), file + " " + k);
      }
    }
  }

  @Test
  void german_is_read_as_utf8_and_english_does_not_fall_back_to_the_servers_locale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      ResourceBundle.clearCache();
      MessageSource messages = new PageMessages().pageMessages();
      Texts german = new Texts(messages, Locale.GERMAN);
      Texts english = new Texts(messages, Locale.ENGLISH);
      assertEquals("Ungeprüft", german.get("queue.unreviewed"));
      assertEquals(
          "Kein Akteur heißt „X“: Es werden alle Akteure angezeigt.",
          german.get("error.noEntity", "X"));
      assertEquals("Unreviewed", english.get("queue.unreviewed"));
      assertEquals("Edit the claim's fields", english.get("claim.edit"));
    } finally {
      Locale.setDefault(before);
      ResourceBundle.clearCache();
    }
  }

  private static Set<String> keys(String resource) throws IOException {
    return new TreeSet<>(load(resource).stringPropertyNames());
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = PageTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
