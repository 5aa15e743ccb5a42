package org.claimwatch.extract;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.subject.SubjectService.NamedEntity;

/**
 * The stored entities as a text names them (names and aliases, as written), kept per instance until
 * an entity is made or edited (one cheap query per text tells). A mention is the longest run of up
 * to five words that is a name, also in the possessive ("Google's", "Googles").
 */
@Singleton
class EntityNames implements Mentions {
  private static final int MAX_WORDS = 5;

  private final SubjectService subjects;

  /** The names, and the version of the entities they were read at. */
  private record Names(String version, Map<String, NamedEntity> byName) {}

  private volatile Names names = new Names("", Map.of());

  EntityNames(SubjectService subjects) {
    this.subjects = subjects;
  }

  /** Every mention of a stored entity in {@code text}, in order. */
  @Override
  public List<Mention> find(String text) {
    Map<String, NamedEntity> names = names();
    List<Mention> out = new ArrayList<>();
    List<int[]> words = words(text);
    for (int i = 0; i < words.size(); i++) {
      if (!Character.isUpperCase(text.charAt(words.get(i)[0]))
          && !Character.isDigit(text.charAt(words.get(i)[0]))) {
        continue; // names start with a capital (or a digit: "3M")
      }
      for (int n = Math.min(MAX_WORDS, words.size() - i); n >= 1; n--) {
        int start = words.get(i)[0];
        int end = words.get(i + n - 1)[1];
        NamedEntity e = lookup(names, text.substring(start, end));
        if (e != null) {
          out.add(new Mention(start, end, e.id(), e.name(), e.kind()));
          i += n - 1;
          break;
        }
      }
    }
    List<Mention> demonyms =
        Demonyms.find(
            text,
            out,
            name -> {
              NamedEntity e = names.get(name);
              return e == null ? null : new Mention(0, 0, e.id(), e.name(), e.kind());
            });
    if (!demonyms.isEmpty()) {
      out.addAll(demonyms);
      out.sort(java.util.Comparator.comparingInt(Mention::start));
    }
    return out;
  }

  /** The name as written, else without a possessive ending ("Google's", "Googles", "Apple’s"). */
  private static NamedEntity lookup(Map<String, NamedEntity> names, String phrase) {
    NamedEntity e = names.get(phrase);
    if (e != null) {
      return e;
    }
    for (String ending : List.of("'s", "’s", "'", "’", "s")) {
      if (phrase.endsWith(ending) && phrase.length() > ending.length() + 1) {
        e = names.get(phrase.substring(0, phrase.length() - ending.length()));
        if (e != null) {
          return e;
        }
      }
    }
    return null;
  }

  /** Word spans: letters, digits, apostrophes, '&', '.', '-' inside a word. */
  private static List<int[]> words(String text) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length()
          && (Character.isLetterOrDigit(text.charAt(i))
              || ("'’&.-".indexOf(text.charAt(i)) >= 0
                  && i + 1 < text.length()
                  && Character.isLetterOrDigit(text.charAt(i + 1))))) {
        i++;
      }
      if (i < text.length() && "'’".indexOf(text.charAt(i)) >= 0) {
        i++; // "Apples'" keeps its apostrophe
      }
      if (i > start) {
        out.add(new int[] {start, i});
      }
    }
    return out;
  }

  private Map<String, NamedEntity> names() {
    String version = subjects.namesVersion();
    Names current = names;
    if (!current.version().equals(version)) {
      Map<String, NamedEntity> m = new HashMap<>();
      for (NamedEntity e : subjects.everyName()) {
        m.putIfAbsent(e.said(), e);
      }
      current = new Names(version, m);
      names = current;
    }
    return current.byName();
  }
}
