package org.claimwatch.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the part of kustomize that
 * {@code docker/k8s} uses: {@code resources} (files and folders), {@code patches} by path
 * (strategic merge, the target named by the patch's kind and name), {@code namespace}, {@code
 * images} and {@code replicas}. Anything else in a kustomization.yaml fails the render, so a
 * manifest never uses a feature this check would pass over without applying.
 *
 * <p>The strategic merge follows Kubernetes' patch strategy for the lists the manifests have
 * (containers, env and volumes by name, volume mounts by mount path, ports by number, spread
 * constraints by topology key); other lists are replaced, as Kubernetes does for lists without a
 * merge key. Patch directives ({@code $patch}, {@code $setElementOrder}) are refused.
 */
final class Kustomization {
  private static final Set<String> SUPPORTED =
      Set.of("apiVersion", "kind", "resources", "patches", "namespace", "images", "replicas");
  private static final Map<String, String> MERGE_KEYS =
      Map.of(
          "containers", "name",
          "initContainers", "name",
          "env", "name",
          "volumes", "name",
          "volumeMounts", "mountPath",
          "imagePullSecrets", "name",
          "topologySpreadConstraints", "topologyKey");
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition");

  /** Every file a render read: resources and patches (kustomization.yaml files included). */
  final Set<Path> filesRead = new LinkedHashSet<>();

  /** Patch files, which are partial objects and are checked only as applied. */
  final Set<Path> patchFiles = new LinkedHashSet<>();

  List<Map<String, Object>> render(Path dir) throws IOException {
    Path file = dir.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(dir + " has no kustomization.yaml");
    }
    filesRead.add(file.normalize());
    Map<String, Object> k = single(file);
    for (String key : k.keySet()) {
      if (!SUPPORTED.contains(key)) {
        throw new AssertionError(
            file + ": '" + key + "' is not rendered by this check (supported: " + SUPPORTED + ")");
      }
    }
    require(
        "kustomize.config.k8s.io/v1beta1".equals(k.get("apiVersion"))
            && "Kustomization".equals(k.get("kind")),
        file + ": apiVersion kustomize.config.k8s.io/v1beta1, kind Kustomization");

    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object entry : list(k.get("resources"), file + " resources")) {
      Path path = dir.resolve(string(entry, file + " resources[]")).normalize();
      if (Files.isDirectory(path)) {
        objects.addAll(render(path));
      } else {
        require(Files.isRegularFile(path), file + " names " + entry + ", which does not exist");
        filesRead.add(path);
        objects.addAll(load(path));
      }
    }
    for (Object entry : list(k.get("patches"), file + " patches")) {
      Map<String, Object> patch = map(entry, file + " patches[]");
      require(
          patch.keySet().equals(Set.of("path")),
          file + ": a patch is given by its path alone (target from its kind and name): " + patch);
      Path path = dir.resolve(string(patch.get("path"), file + " patches[].path")).normalize();
      require(Files.isRegularFile(path), file + " patches with " + path + ", which does not exist");
      filesRead.add(path);
      patchFiles.add(path);
      for (Map<String, Object> p : load(path)) {
        Map<String, Object> target = find(objects, p, path);
        Map<String, Object> merged = castMap(merge(target, p, ""));
        objects.set(objects.indexOf(target), merged);
      }
    }
    if (k.containsKey("namespace")) {
      String ns = string(k.get("namespace"), file + " namespace");
      for (Map<String, Object> o : objects) {
        if (!CLUSTER_SCOPED.contains(o.get("kind"))) {
          castMap(o.get("metadata")).put("namespace", ns);
        }
      }
    }
    for (Object entry : list(k.get("images"), file + " images")) {
      Map<String, Object> image = map(entry, file + " images[]");
      int changed = 0;
      for (Map<String, Object> o : objects) {
        for (Map<String, Object> c : containers(o)) {
          changed += retag(c, image) ? 1 : 0;
        }
      }
      require(changed > 0, file + ": images entry " + image + " matches no container");
    }
    for (Object entry : list(k.get("replicas"), file + " replicas")) {
      Map<String, Object> r = map(entry, file + " replicas[]");
      Map<String, Object> target =
          objects.stream()
              .filter(o -> "Deployment".equals(o.get("kind")) && r.get("name").equals(name(o)))
              .findFirst()
              .orElseThrow(() -> new AssertionError(file + ": replicas of no Deployment " + r));
      castMap(target.get("spec")).put("replicas", r.get("count"));
    }
    return objects;
  }

  /** The YAML documents of one file, each a map (a file with an empty document fails). */
  static List<Map<String, Object>> load(Path file) throws IOException {
    List<Map<String, Object>> docs = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object doc : yaml().loadAll(reader)) {
        docs.add(map(doc, file.toString()));
      }
    }
    require(!docs.isEmpty(), file + " holds no object");
    return docs;
  }

  static Map<String, Object> single(Path file) throws IOException {
    List<Map<String, Object>> docs = load(file);
    require(docs.size() == 1, file + " holds one document");
    return docs.get(0);
  }

  static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    // A key given twice is a mistake kubectl refuses as well.
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  /** The pod template's containers (and init containers) of a workload, else none. */
  static List<Map<String, Object>> containers(Map<String, Object> o) {
    List<Map<String, Object>> all = new ArrayList<>();
    Object spec = o.get("spec");
    if (!(spec instanceof Map<?, ?> s) || !(s.get("template") instanceof Map<?, ?> t)) {
      return all;
    }
    if (t.get("spec") instanceof Map<?, ?> podSpec) {
      for (String field : List.of("initContainers", "containers")) {
        if (podSpec.get(field) instanceof List<?> l) {
          l.forEach(c -> all.add(castMap(c)));
        }
      }
    }
    return all;
  }

  static String name(Map<String, Object> o) {
    return o.get("metadata") instanceof Map<?, ?> m ? (String) m.get("name") : null;
  }

  private static boolean retag(Map<String, Object> container, Map<String, Object> image) {
    String ref = (String) container.get("image");
    String repo = ref;
    int at = ref.indexOf('@');
    if (at >= 0) {
      repo = ref.substring(0, at);
    }
    int colon = repo.lastIndexOf(':');
    if (colon > repo.lastIndexOf('/')) {
      repo = repo.substring(0, colon);
    }
    if (!repo.equals(image.get("name"))) {
      return false;
    }
    String newName = (String) image.getOrDefault("newName", repo);
    Object tag = image.get("newTag");
    Object digest = image.get("digest");
    String suffix;
    if (digest != null) {
      suffix = "@" + digest;
    } else if (tag != null) {
      suffix = ":" + tag;
    } else {
      suffix = ref.substring(repo.length());
    }
    container.put("image", newName + suffix);
    return true;
  }

  private static Map<String, Object> find(
      List<Map<String, Object>> objects, Map<String, Object> patch, Path file) {
    List<Map<String, Object>> hits =
        objects.stream()
            .filter(
                o ->
                    Objects.equals(o.get("kind"), patch.get("kind"))
                        && Objects.equals(name(o), name(patch))
                        && Objects.equals(group(o), group(patch)))
            .toList();
    require(
        hits.size() == 1,
        file
            + " patches "
            + patch.get("apiVersion")
            + " "
            + patch.get("kind")
            + " "
            + name(patch)
            + ", which the resources have "
            + hits.size()
            + " times");
    return hits.get(0);
  }

  private static String group(Map<String, Object> o) {
    String apiVersion = String.valueOf(o.get("apiVersion"));
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static Object merge(Object base, Object patch, String field) {
    if (patch instanceof Map<?, ?> p && base instanceof Map<?, ?> b) {
      Map<String, Object> out = new LinkedHashMap<>(castMap(b));
      for (Map.Entry<?, ?> e : p.entrySet()) {
        String key = String.valueOf(e.getKey());
        require(!key.startsWith("$"), "patch directive " + key + " is not rendered by this check");
        if (e.getValue() == null) {
          out.remove(key);
        } else {
          out.put(key, merge(out.get(key), e.getValue(), key));
        }
      }
      return out;
    }
    String mergeKey = mergeKey(field, patch);
    if (patch instanceof List<?> p && base instanceof List<?> b && mergeKey != null) {
      List<Object> out = new ArrayList<>(b);
      for (Object element : p) {
        Object key = castMap(element).get(mergeKey);
        require(key != null, "a patched " + field + " item needs its " + mergeKey);
        int i = indexOf(out, mergeKey, key);
        if (i >= 0) {
          out.set(i, merge(out.get(i), element, ""));
        } else {
          out.add(element);
        }
      }
      return out;
    }
    return copy(patch);
  }

  private static String mergeKey(String field, Object patch) {
    if ("ports".equals(field) && patch instanceof List<?> l && !l.isEmpty()) {
      // Container ports merge by containerPort, Service ports by port.
      return castMap(l.get(0)).containsKey("containerPort") ? "containerPort" : "port";
    }
    return MERGE_KEYS.get(field);
  }

  private static int indexOf(List<Object> list, String key, Object value) {
    for (int i = 0; i < list.size(); i++) {
      if (value.equals(castMap(list.get(i)).get(key))) {
        return i;
      }
    }
    return -1;
  }

  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(copy(v)));
      return out;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Object o) {
    if (!(o instanceof Map<?, ?>)) {
      throw new AssertionError("expected a mapping, found " + o);
    }
    return (Map<String, Object>) o;
  }

  private static Map<String, Object> map(Object o, String where) {
    require(o instanceof Map<?, ?>, where + ": expected a mapping, found " + o);
    return castMap(o);
  }

  private static List<?> list(Object o, String where) {
    if (o == null) {
      return List.of();
    }
    require(o instanceof List<?>, where + ": expected a list, found " + o);
    return (List<?>) o;
  }

  private static String string(Object o, String where) {
    require(o instanceof String, where + ": expected a string, found " + o);
    return (String) o;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
