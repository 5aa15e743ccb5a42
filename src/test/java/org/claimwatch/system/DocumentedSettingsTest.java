package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docs that are true (issue 13): every {@code claimwatch.*} setting that README.md, CONTRIBUTING.md
 * or application*.yml names is one the code reads, and every {@code CLAIMWATCH_*} variable the docs
 * name is read by the code, application.yml or one of the repository's scripts; the same holds for
 * the variables the Kubernetes manifests under docker/k8s set.
 *
 * <p>What the code reads is derived from it, never listed here: each
 * {@code @ConfigurationProperties} or {@code @EachProperty} class by reflection (its prefix and
 * each bean property in kebab-case), and in the sources the placeholders of {@code @Value} and
 * {@code @Scheduled}, the names of {@code @Property} and {@code @Requires}, and system property
 * look-ups. A variable counts as read when application.yml or the code names it, or when Micronaut
 * maps it onto a setting the code reads ({@code CLAIMWATCH_REVIEW_LEASE} is {@code
 * claimwatch.review.lease}). README speaks to users, so only the main code counts for it;
 * CONTRIBUTING may also name the tests' settings.
 */
class DocumentedSettingsTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Path TEST = Path.of("src/test/java");
  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Path K8S = Path.of("docker/k8s");
  private static final List<Path> SCRIPTS =
      List.of(Path.of("db/seed"), Path.of("docker"), Path.of(".ci"));
  private static final String SELF = DocumentedSettingsTest.class.getSimpleName() + ".java";

  private static final String NAME = "claimwatch(?:\\.[a-z0-9*][a-z0-9-]*)+";
  private static final Pattern CONFIG_CLASS =
      Pattern.compile(
          "@(ConfigurationProperties|EachProperty)\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"[^)]*\\)"
              + "\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
              + "(?:(?:public|protected|private|static|final|abstract|sealed)\\s+)*"
              + "(?:record|class|interface)\\s+(\\w+)");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
  private static final List<Pattern> READS =
      List.of(
          // @Value("${...}"), @Scheduled(fixedDelay = "${...}")
          Pattern.compile("\\$\\{\\s*(" + NAME + ")"),
          // @Requires(property = "..."), @Property(name = "...")
          Pattern.compile("\\b(?:property|name)\\s*=\\s*\"(" + NAME + ")\""),
          // System.getProperty, Integer.getInteger, Environment.getProperty, ...
          Pattern.compile(
              "\\b(?:getProperty|getRequiredProperty|containsProperty|getInteger|getLong"
                  + "|getBoolean)\\(\\s*\"("
                  + NAME
                  + ")\""));
  private static final Pattern ENV_READ_IN_CODE =
      Pattern.compile("\\b(?:getenv|env)\\(\\s*\"(CLAIMWATCH_[A-Z0-9_]+)\"");
  private static final Pattern ENV_READ_IN_YAML_OR_SCRIPT =
      Pattern.compile("\\$\\{?\\s*(CLAIMWATCH_[A-Z0-9_]*[A-Z0-9])");

  private static final Pattern SETTING_IN_DOC =
      Pattern.compile("(?:(?<=-D)|(?<![\\w.-]))(claimwatch(?:\\.[a-z][a-z0-9-]*)+)");
  private static final Pattern ENV_IN_DOC = Pattern.compile("\\b(CLAIMWATCH_[A-Z0-9_]*[A-Z0-9])");
  // `CLAIMWATCH_SEC_BASE_URL` / `_INTERVAL`: the second is CLAIMWATCH_SEC_INTERVAL.
  private static final Pattern ABBREVIATED_ENV =
      Pattern.compile("`(CLAIMWATCH_[A-Z0-9_]+)`((?:\\s*/\\s*`_[A-Z0-9_]+`)+)");
  private static final Pattern SUFFIX = Pattern.compile("`(_[A-Z0-9_]+)`");

  @Test
  void every_documented_setting_and_variable_is_read_by_the_code() throws Exception {
    Set<String> main = settingsReadBy(MAIN);
    Set<String> mainAndTests = new TreeSet<>(main);
    mainAndTests.addAll(settingsReadBy(TEST));
    Set<String> mainEnv = variablesReadBy(List.of(MAIN));
    Set<String> allEnv = variablesReadBy(List.of(MAIN, TEST));

    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> documented = new LinkedHashMap<>();
    checkDoc(Path.of("README.md"), "the main code", main, mainEnv, problems, documented);
    checkDoc(Path.of("CONTRIBUTING.md"), "the code", mainAndTests, allEnv, problems, documented);
    // The Kubernetes manifests set variables for the packaged service: only the main code counts.
    for (Path manifest : kubernetesManifests()) {
      checkDoc(manifest, "the main code", main, mainEnv, problems, documented);
    }
    for (Path yml : applicationYmls()) {
      for (String key : claimwatchKeys(yml)) {
        documented.computeIfAbsent(yml.toString(), k -> new TreeSet<>()).add(key);
        if (!isReal(key, main)) {
          problems.add(yml + " sets " + key + ", which no main code reads");
        }
      }
    }
    assertEquals(List.of(), problems, "documented settings that do not exist");

    // Not vacuous: the docs name settings and variables, and the code reads many.
    assertFalse(documented.getOrDefault("README.md", Set.of()).isEmpty(), documented.toString());
    assertFalse(
        documented
            .getOrDefault(RESOURCES.resolve("application.yml").toString(), Set.of())
            .isEmpty());
    assertTrue(main.size() >= 20, main.toString());
    assertFalse(
        documented.getOrDefault(K8S.resolve("base/configmap.yaml").toString(), Set.of()).isEmpty(),
        documented.toString());
  }

  @Test
  void settings_are_derived_from_configuration_classes_and_source_reads() throws Exception {
    Map<Class<?>, String> classes = configurationClasses(MAIN);
    assertFalse(classes.isEmpty());
    classes.forEach(
        (type, prefix) ->
            assertFalse(properties(type).isEmpty(), type + " (" + prefix + ") has no property"));
    Set<String> main = settingsReadBy(MAIN);
    // One of each way of reading: a record component, a placeholder, a @Requires.
    assertTrue(main.contains("claimwatch.webhooks.max-connections-per-endpoint"), main.toString());
    assertTrue(main.contains("claimwatch.imports.max-concurrent"), main.toString());
    assertTrue(main.contains("claimwatch.jobs.enabled"), main.toString());
    assertTrue(isVariableOf("CLAIMWATCH_SEC_MAX_REQUESTS_PER_SECOND", main, Set.of()));
    assertFalse(isVariableOf("CLAIMWATCH_SEC_MAX_REQUESTS", main, Set.of()));
    assertFalse(isReal("claimwatch.webhooks.no-such-thing", main));
    assertTrue(isReal("claimwatch.webhooks", main), "a group of settings");
  }

  private static void checkDoc(
      Path doc,
      String reader,
      Set<String> settings,
      Set<String> variables,
      List<String> problems,
      Map<String, Set<String>> documented)
      throws IOException {
    String text = Files.readString(doc);
    Set<String> named = new TreeSet<>();
    Matcher m = SETTING_IN_DOC.matcher(text);
    while (m.find()) {
      named.add(m.group(1));
    }
    for (String setting : named) {
      if (!isReal(setting, settings)) {
        problems.add(doc + " names " + setting + ", which " + reader + " does not read");
      }
    }
    Set<String> envs = new TreeSet<>();
    Matcher e = ENV_IN_DOC.matcher(text);
    while (e.find()) {
      envs.add(e.group(1));
    }
    for (String env : envs) {
      if (!isVariableOf(env, settings, variables)) {
        problems.add(doc + " names " + env + ", which nothing reads");
      }
    }
    Matcher a = ABBREVIATED_ENV.matcher(text);
    while (a.find()) {
      String base = a.group(1);
      Matcher s = SUFFIX.matcher(a.group(2));
      while (s.find()) {
        String suffix = s.group(1);
        List<String> readings = new ArrayList<>();
        for (int cut = base.indexOf('_'); cut > 0; cut = base.indexOf('_', cut + 1)) {
          readings.add(base.substring(0, cut) + suffix);
        }
        envs.addAll(readings);
        if (readings.stream().noneMatch(r -> isVariableOf(r, settings, variables))) {
          problems.add(
              doc + " names " + base + " / " + suffix + ", and nothing reads any of " + readings);
        }
      }
    }
    named.addAll(envs);
    documented.put(doc.toString(), named);
  }

  /** A setting the code reads, or a group of them ({@code claimwatch.webhooks}). */
  private static boolean isReal(String name, Set<String> settings) {
    String[] parts = name.split("\\.");
    for (String setting : settings) {
      String[] real = setting.split("\\.");
      if (real.length < parts.length) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < parts.length && same; i++) {
        same = real[i].equals("*") || real[i].equals(parts[i]);
      }
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** Read by name, or by Micronaut's mapping of variables onto properties. */
  private static boolean isVariableOf(String env, Set<String> settings, Set<String> variables) {
    if (variables.contains(env)) {
      return true;
    }
    String lower = env.toLowerCase(Locale.ROOT);
    for (String setting : settings) {
      StringBuilder regex = new StringBuilder();
      for (String part : setting.split("\\.")) {
        regex.append(regex.length() == 0 ? "" : "_");
        regex.append(part.equals("*") ? "[a-z0-9_]+" : Pattern.quote(part.replace('-', '_')));
      }
      if (lower.matches(regex.toString())) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> settingsReadBy(Path root) throws Exception {
    Set<String> settings = new TreeSet<>();
    configurationClasses(root)
        .forEach((type, prefix) -> properties(type).forEach(p -> settings.add(prefix + "." + p)));
    for (Path file : javaFiles(root)) {
      String source = Files.readString(file);
      for (Pattern read : READS) {
        Matcher m = read.matcher(source);
        while (m.find()) {
          settings.add(m.group(1));
        }
      }
    }
    return settings;
  }

  private static Set<String> variablesReadBy(List<Path> roots) throws IOException {
    Set<String> variables = new TreeSet<>();
    for (Path root : roots) {
      for (Path file : javaFiles(root)) {
        collect(ENV_READ_IN_CODE, Files.readString(file), variables);
      }
    }
    for (Path yml : applicationYmls()) {
      collect(ENV_READ_IN_YAML_OR_SCRIPT, Files.readString(yml), variables);
    }
    for (Path dir : SCRIPTS) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(".sh")
              || name.endsWith(".yml")
              || name.equals("run")
              || name.equals("Dockerfile")) {
            collect(ENV_READ_IN_YAML_OR_SCRIPT, Files.readString(file), variables);
          }
        }
      }
    }
    return variables;
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  /** Each configuration class of the sources under root, with its full prefix. */
  private static Map<Class<?>, String> configurationClasses(Path root) throws Exception {
    Map<Class<?>, String> own = new LinkedHashMap<>();
    Map<Class<?>, Boolean> each = new LinkedHashMap<>();
    for (Path file : javaFiles(root)) {
      String source = Files.readString(file);
      Matcher m = CONFIG_CLASS.matcher(source);
      while (m.find()) {
        Matcher pkg = PACKAGE.matcher(source);
        String top =
            (pkg.find() ? pkg.group(1) + "." : "")
                + file.getFileName().toString().replace(".java", "");
        Class<?> type = find(Class.forName(top), m.group(3));
        if (type == null) {
          throw new AssertionError("cannot find " + m.group(3) + " in " + file);
        }
        own.put(type, m.group(2));
        each.put(type, m.group(1).equals("EachProperty"));
      }
    }
    Map<Class<?>, String> full = new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
    for (Class<?> type : own.keySet()) {
      StringBuilder prefix = new StringBuilder();
      for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
        if (own.containsKey(c)) {
          String part = own.get(c) + (each.get(c) ? ".*" : "");
          prefix.insert(0, prefix.length() == 0 ? part : part + ".");
        }
      }
      full.put(type, prefix.toString());
    }
    return full;
  }

  private static Class<?> find(Class<?> in, String simpleName) {
    if (in.getSimpleName().equals(simpleName)) {
      return in;
    }
    for (Class<?> inner : in.getDeclaredClasses()) {
      Class<?> found = find(inner, simpleName);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The bean properties Micronaut binds, in kebab-case. */
  private static Set<String> properties(Class<?> type) {
    Set<String> names = new TreeSet<>();
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        names.add(kebab(c.getName()));
      }
      return names;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        String n = method.getName();
        if (type.isInterface()
            ? method.getParameterCount() == 0 && Modifier.isAbstract(method.getModifiers())
            : method.getParameterCount() == 1 && n.startsWith("set") && n.length() > 3) {
          names.add(kebab(beanName(n)));
        }
      }
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          names.add(kebab(field.getName()));
        }
      }
    }
    return names;
  }

  private static String beanName(String accessor) {
    for (String prefix : List.of("set", "get", "is")) {
      if (accessor.startsWith(prefix)
          && accessor.length() > prefix.length()
          && Character.isUpperCase(accessor.charAt(prefix.length()))) {
        String rest = accessor.substring(prefix.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    return accessor;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static List<Path> kubernetesManifests() throws IOException {
    try (Stream<Path> files = Files.walk(K8S)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static List<Path> applicationYmls() throws IOException {
    try (Stream<Path> files = Files.list(RESOURCES)) {
      return files
          .filter(p -> p.getFileName().toString().matches("application.*\\.ya?ml"))
          .sorted()
          .toList();
    }
  }

  /** The {@code claimwatch.*} leaves of a YAML file. */
  private static Set<String> claimwatchKeys(Path yml) throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Reader reader = Files.newBufferedReader(yml)) {
      for (Object document : new Yaml().loadAll(reader)) {
        flatten("", document, keys);
      }
    }
    keys.removeIf(k -> !k.equals("claimwatch") && !k.startsWith("claimwatch."));
    return keys;
  }

  private static void flatten(String prefix, Object node, Set<String> into) {
    if (node instanceof Map<?, ?> map && !map.isEmpty()) {
      map.forEach(
          (k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
    } else if (!prefix.isEmpty()) {
      into.add(prefix);
    }
  }

  private static List<Path> javaFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals(SELF))
          .sorted()
          .toList();
    }
  }
}
