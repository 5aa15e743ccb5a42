package org.claimwatch.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's options: {@code --name=value} arguments, over {@code BENCH_NAME} environment
 * variables ({@code --jdbc-url} is {@code BENCH_JDBC_URL}), over the defaults the benchmark names
 * when it reads each option. {@code --name} alone means {@code --name=true}.
 *
 * <p>A benchmark reads every option it knows through the typed getters, then calls {@link #done}:
 * with {@code --help} that lists the options read, with their defaults, and exits; an option given
 * that no getter read fails the run (a misspelt option never goes unnoticed).
 */
final class BenchArgs {
  private final Map<String, String> given = new LinkedHashMap<>();

  /** The options read so far, with their defaults as --help shows them. */
  private final Map<String, String> known = new LinkedHashMap<>();

  private final List<String> prefixes = new ArrayList<>();
  private boolean help;

  private BenchArgs() {}

  static BenchArgs parse(String[] args) {
    BenchArgs a = new BenchArgs();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        a.help = true;
      } else if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("Expected --name=value, got " + arg);
      } else if (arg.contains("=")) {
        a.given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      } else {
        a.given.put(arg.substring(2), "true");
      }
    }
    return a;
  }

  /** The option's value: the argument, else the environment variable, else null. */
  private String raw(String name, String shownDefault) {
    known.putIfAbsent(name, shownDefault);
    if (given.containsKey(name)) {
      return given.get(name);
    }
    return System.getenv("BENCH_" + name.replace('-', '_').toUpperCase(Locale.ROOT));
  }

  String string(String name, String def) {
    String v = raw(name, def);
    return v == null ? def : v;
  }

  /** A value or, when not given or blank, null. */
  String optional(String name) {
    String v = raw(name, "");
    return v == null || v.isBlank() ? null : v;
  }

  int integer(String name, int def) {
    String v = raw(name, Integer.toString(def));
    try {
      return v == null ? def : Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " takes a whole number, not " + v);
    }
  }

  boolean bool(String name, boolean def) {
    String v = raw(name, Boolean.toString(def));
    return v == null ? def : Boolean.parseBoolean(v.strip());
  }

  /** A comma-separated list ({@code def} likewise); blank: empty. */
  List<String> list(String name, String def) {
    String v = string(name, def);
    return v.isBlank() ? List.of() : List.of(v.strip().split("\\s*,\\s*"));
  }

  /** A comma-separated list of whole numbers. */
  List<Integer> integers(String name, String def) {
    try {
      return list(name, def).stream().map(Integer::valueOf).toList();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " takes whole numbers, e.g. 100,200");
    }
  }

  /** A whitespace-separated list, such as JVM options; blank or not given: empty. */
  List<String> words(String name) {
    String v = string(name, "");
    return split(v);
  }

  /** Options named {@code prefix + NAME} (e.g. {@code --set.small=...}), by NAME. */
  Map<String, String> withPrefix(String prefix, String help) {
    prefixes.add(prefix);
    known.put(prefix + "NAME", help);
    Map<String, String> out = new LinkedHashMap<>();
    given.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  /** Lists the options and exits for --help; fails on an option no getter read. */
  BenchArgs done() {
    if (help) {
      System.out.println("Options (each also as BENCH_NAME in the environment), with defaults:");
      known.forEach((k, v) -> System.out.println("  --" + k + "=" + v));
      System.exit(0);
    }
    for (String name : given.keySet()) {
      if (!known.containsKey(name) && prefixes.stream().noneMatch(name::startsWith)) {
        throw new IllegalArgumentException(
            "Unknown option --" + name + "; known: --" + String.join(" --", known.keySet()));
      }
    }
    return this;
  }

  static List<String> split(String words) {
    return words == null || words.isBlank()
        ? List.of()
        : Arrays.asList(words.strip().split("\\s+"));
  }
}
