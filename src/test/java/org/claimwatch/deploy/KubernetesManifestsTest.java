package org.claimwatch.deploy;

import static org.claimwatch.deploy.Kustomization.castMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubernetes.client.custom.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests under docker/k8s (issue 15), checked offline: each kustomization renders
 * (as {@code kubectl kustomize} would, see {@link Kustomization}) to objects the Kubernetes API's
 * schema accepts ({@link KubernetesSchema}), and the rendered objects keep the deployment's rules:
 * three replicas rolled one at a time, probes on the health endpoints, a disruption budget and an
 * autoscaler that keep them, secrets by reference only, resources sized to the image's heap
 * setting, a pinned image, locked-down pods.
 */
class KubernetesManifestsTest {
  private static final Path K8S = Path.of("docker/k8s");
  private static final Path EXAMPLE = K8S.resolve("overlays/example");
  private static final Path SERVICE_MONITOR = EXAMPLE.resolve("servicemonitor.yaml");
  private static final Set<String> KINDS =
      Set.of(
          "Deployment",
          "Service",
          "ConfigMap",
          "ServiceAccount",
          "PodDisruptionBudget",
          "HorizontalPodAutoscaler",
          "NetworkPolicy");
  // The only variables that are not CLAIMWATCH_* (DocumentedSettingsTest checks those): the
  // datasource's, which Micronaut maps onto datasources.default.*.
  private static final Set<String> DATASOURCE_VARIABLES =
      Set.of(
          "DATASOURCES_DEFAULT_URL",
          "DATASOURCES_DEFAULT_USERNAME",
          "DATASOURCES_DEFAULT_PASSWORD");
  private static final Pattern SECRET_NAME =
      Pattern.compile("TOKEN|PASSWORD|USERNAME|SECRET|KEYS?$|CREDENTIAL");

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example"})
  void renders_to_objects_the_kubernetes_api_accepts(String dir) throws IOException {
    List<Map<String, Object>> objects = new Kustomization().render(K8S.resolve(dir));

    for (Map<String, Object> o : objects) {
      assertNotNull(KubernetesSchema.validate(o));
    }
    assertEquals(
        KINDS, objects.stream().map(o -> (String) o.get("kind")).collect(Collectors.toSet()));
    assertEquals(
        objects.size(),
        objects.stream().map(o -> o.get("kind") + "/" + Kustomization.name(o)).distinct().count(),
        "each object once");
    // What was checked, to compare with `kubectl kustomize docker/k8s/<dir>` by hand.
    Path out = Path.of("target", "k8s-rendered", dir.replace('/', '-') + ".yaml");
    Files.createDirectories(out.getParent());
    Files.writeString(out, Kustomization.yaml().dumpAll(objects.iterator()));
  }

  @Test
  void every_manifest_file_is_rendered_or_checked_on_its_own() throws IOException {
    Kustomization k = new Kustomization();
    List<Path> kustomizations;
    try (Stream<Path> files = Files.walk(K8S)) {
      kustomizations =
          files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList();
    }
    for (Path file : kustomizations) {
      k.render(file.getParent());
    }
    Set<Path> unchecked = new TreeSet<>();
    try (Stream<Path> files = Files.walk(K8S)) {
      files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .map(Path::normalize)
          .filter(f -> !k.filesRead.contains(f) && !f.equals(SERVICE_MONITOR.normalize()))
          .forEach(unchecked::add);
    }
    assertEquals(Set.of(), unchecked, "files no kustomization names and no test checks");
    assertTrue(kustomizations.size() >= 2, kustomizations.toString());
    assertTrue(k.patchFiles.size() >= 3, k.patchFiles.toString());
  }

  @Test
  void the_schema_check_refuses_what_the_api_server_would() throws IOException {
    refused("readinessprobe", d -> container(d).put("readinessprobe", Map.of()));
    refused("name", d -> container(d).remove("name"));
    refused("\"three\"", d -> spec(d).put("replicas", "three"));
    refused("periodSeconds", d -> probe(d, "livenessProbe").put("periodSeconds", List.of(10)));
    refused(
        "periodSeconds: \"10\" read as 10",
        d -> probe(d, "livenessProbe").put("periodSeconds", "10"));
    refused(
        "periodSeconds: 10.7 read as 10",
        d -> probe(d, "livenessProbe").put("periodSeconds", 10.7));
    refused("not a kind checked here", d -> d.put("apiVersion", "extensions/v1beta1"));
    refused("selector", d -> spec(d).remove("selector"));
  }

  @Test
  void quantities_in_any_spelling_pass() throws IOException {
    // The API reads 0.5 as 500m and 1024Mi as 1Gi: an amount is not a coerced type.
    Map<String, Object> deployment = one(render("base"), "Deployment");
    Map<String, Object> requests = castMap(resources(deployment).get("requests"));
    requests.put("cpu", 0.5);
    requests.put("memory", "1024Mi");
    KubernetesSchema.validate(deployment);
  }

  @Test
  void the_overlay_renders_what_its_kustomization_says() throws IOException {
    List<Map<String, Object>> objects = new Kustomization().render(EXAMPLE);

    assertEquals(
        "registry.example.org/newsroom/claimwatch:0.1.0",
        container(one(objects, "Deployment")).get("image"));
    for (Map<String, Object> o : objects) {
      assertEquals("claimwatch", castMap(o.get("metadata")).get("namespace"), o.toString());
    }
    Map<String, Object> config = castMap(one(objects, "ConfigMap").get("data"));
    assertEquals("true", config.get("CLAIMWATCH_JOBS_ENABLED"), "the base's keys are kept");
    assertTrue(config.containsKey("CLAIMWATCH_API_URL"), "the overlay's are added");
    Map<String, Object> limits = castMap(resources(one(objects, "Deployment")).get("limits"));
    assertEquals("1536Mi", limits.get("memory"));
    Map<String, Object> deployment = one(objects, "Deployment");
    assertEquals(2, container(deployment).get("volumeMounts") instanceof List<?> l ? l.size() : 0);
    Map<String, Object> hpa = castMap(one(objects, "HorizontalPodAutoscaler").get("spec"));
    assertEquals(8, hpa.get("maxReplicas"));
    assertEquals("claimwatch", castMap(hpa.get("scaleTargetRef")).get("name"), "merged");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example"})
  void three_replicas_roll_out_one_at_a_time(String dir) throws IOException {
    List<Map<String, Object>> objects = render(dir);
    Map<String, Object> spec = spec(one(objects, "Deployment"));

    // The autoscaler holds the count (three at least); a count in the Deployment would be put
    // back by every apply, undoing a scale-out.
    assertFalse(spec.containsKey("replicas"), "the Deployment leaves the count to the autoscaler");
    assertEquals(3, spec(one(objects, "HorizontalPodAutoscaler")).get("minReplicas"));
    Map<String, Object> strategy = castMap(spec.get("strategy"));
    assertEquals("RollingUpdate", strategy.get("type"));
    Map<String, Object> rolling = castMap(strategy.get("rollingUpdate"));
    assertEquals(0, rolling.get("maxUnavailable"));
    assertEquals(1, rolling.get("maxSurge"));
    assertTrue(
        podSpec(one(render(dir), "Deployment")).get("topologySpreadConstraints")
                instanceof List<?> c
            && c.stream()
                .anyMatch(t -> "kubernetes.io/hostname".equals(castMap(t).get("topologyKey"))),
        "spread across nodes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example"})
  void probes_ask_the_health_endpoints_on_the_http_port(String dir) throws IOException {
    Map<String, Object> deployment = one(render(dir), "Deployment");
    Map<String, Object> c = container(deployment);
    Set<Object> portNames =
        list(c.get("ports")).stream().map(p -> castMap(p).get("name")).collect(Collectors.toSet());

    assertEquals("/health/readiness", httpGet(c, "readinessProbe").get("path"));
    assertEquals("/health/liveness", httpGet(c, "livenessProbe").get("path"));
    assertTrue(
        Set.of("/health/liveness", "/health").contains(httpGet(c, "startupProbe").get("path")));
    for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
      assertTrue(portNames.contains(httpGet(c, probe).get("port")), probe + " on a named port");
    }
    // The pod's grace period covers the preStop pause, the service's drain, the time it gives
    // requests in flight (both from the ConfigMap, else the service's defaults) and 10 s more for
    // writing the AppCDS archive at exit: SIGKILL never cuts a stop the service has planned.
    Map<String, Object> settings = castMap(one(render(dir), "ConfigMap").get("data"));
    int pause = (Integer) castMap(castMap(lifecycle(c).get("preStop")).get("sleep")).get("seconds");
    long drain = seconds(settings.getOrDefault("CLAIMWATCH_SHUTDOWN_DRAIN", "5s"));
    long inFlight = seconds(settings.getOrDefault("CLAIMWATCH_SHUTDOWN_GRACE_PERIOD", "15s"));
    assertTrue(inFlight >= 40, "requests in flight get " + inFlight + " s; a SEC import needs 40");
    int grace = (Integer) podSpec(deployment).get("terminationGracePeriodSeconds");
    assertTrue(
        grace >= pause + drain + inFlight + 10,
        "grace " + grace + " s for " + pause + " + " + drain + " + " + inFlight + " + 10 s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example"})
  void the_budget_and_the_autoscaler_keep_the_instances(String dir) throws IOException {
    List<Map<String, Object>> objects = render(dir);
    Map<String, Object> deployment = one(objects, "Deployment");
    Map<String, Object> podLabels = podLabels(deployment);
    Map<String, Object> hpa = spec(one(objects, "HorizontalPodAutoscaler"));
    int replicas = (Integer) hpa.get("minReplicas");

    // One instance away at a time however far the autoscaler has scaled out (a minAvailable would
    // let more go as the count grows).
    Map<String, Object> pdb = spec(one(objects, "PodDisruptionBudget"));
    assertEquals(1, pdb.get("maxUnavailable"));
    assertFalse(pdb.containsKey("minAvailable"));
    assertSelects(pdb.get("selector"), podLabels);

    Map<String, Object> target = castMap(hpa.get("scaleTargetRef"));
    assertEquals("apps/v1", target.get("apiVersion"));
    assertEquals("Deployment", target.get("kind"));
    assertEquals(Kustomization.name(deployment), target.get("name"));
    assertTrue(replicas >= 3, "three instances at least");
    assertTrue((Integer) hpa.get("maxReplicas") > replicas);
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example"})
  void secrets_come_only_by_reference(String dir) throws IOException {
    List<Map<String, Object>> objects = render(dir);
    assertTrue(objects.stream().noneMatch(o -> "Secret".equals(o.get("kind"))), "no Secret");

    Map<String, Object> c = container(one(objects, "Deployment"));
    Set<String> fromSecrets = new TreeSet<>();
    for (Object e : list(c.get("env"))) {
      Map<String, Object> env = castMap(e);
      String name = (String) env.get("name");
      if (SECRET_NAME.matcher(name).find()) {
        assertNull(env.get("value"), name + " has a value in the manifest");
        Object ref = castMap(env.get("valueFrom")).get("secretKeyRef");
        assertNotNull(ref, name + " comes from a Secret");
        fromSecrets.add(name);
      }
    }
    assertTrue(
        fromSecrets.containsAll(
            Set.of(
                "CLAIMWATCH_ADMIN_TOKEN",
                "DATASOURCES_DEFAULT_USERNAME",
                "DATASOURCES_DEFAULT_PASSWORD")),
        fromSecrets.toString());
    for (String key : castMap(one(objects, "ConfigMap").get("data")).keySet()) {
      assertFalse(SECRET_NAME.matcher(key).find(), key + " belongs in the Secret");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example"})
  void the_variables_are_ones_the_service_reads(String dir) throws IOException {
    List<Map<String, Object>> objects = render(dir);
    Set<String> names = new TreeSet<>();
    Map<String, Object> data = castMap(one(objects, "ConfigMap").get("data"));
    data.forEach(
        (k, v) -> {
          names.add(k);
          // YAML reads `true` or `8080` unquoted as no string; a ConfigMap holds strings only.
          assertTrue(v instanceof String, k + " is quoted");
        });
    for (Object e : list(container(one(objects, "Deployment")).get("env"))) {
      names.add((String) castMap(e).get("name"));
    }
    for (String name : names) {
      assertTrue(
          name.startsWith("CLAIMWATCH_") || DATASOURCE_VARIABLES.contains(name),
          name + " is not a variable the service reads");
    }
    // CLAIMWATCH_* names are checked against the code by DocumentedSettingsTest.
    if (dir.startsWith("overlays")) {
      assertTrue(String.valueOf(data.get("DATASOURCES_DEFAULT_URL")).startsWith("jdbc:mysql://"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example"})
  void resources_leave_room_beside_the_heap_the_image_sizes(String dir) throws IOException {
    Map<String, Object> resources = resources(one(render(dir), "Deployment"));
    Map<String, Object> requests = castMap(resources.get("requests"));
    Map<String, Object> limits = castMap(resources.get("limits"));
    for (String r : List.of("cpu", "memory")) {
      BigDecimal request = quantity(requests.get(r));
      BigDecimal limit = quantity(limits.get(r));
      assertTrue(request.signum() > 0 && request.compareTo(limit) <= 0, r + ": " + resources);
    }
    // The JVM takes MaxRAMPercentage of the container's limit for its heap (docker/Dockerfile);
    // metaspace, code cache, threads and Netty's buffers need the rest, and an idle instance
    // already uses about 190 MB in all (BENCHMARKS.md).
    BigDecimal limit = quantity(limits.get("memory"));
    BigDecimal heap = limit.multiply(BigDecimal.valueOf(maxRamPercentage())).movePointLeft(2);
    BigDecimal mib = BigDecimal.valueOf(1024 * 1024);
    assertTrue(
        limit.subtract(heap).compareTo(mib.multiply(BigDecimal.valueOf(320))) >= 0,
        "beside a heap of " + heap.divide(mib) + " MiB of " + limits.get("memory"));
    assertTrue(
        quantity(requests.get("memory")).compareTo(mib.multiply(BigDecimal.valueOf(384))) >= 0,
        "the request holds an idle instance with room to work");
    // An initial heap above what the percentage allows would raise the JVM's maximum with it,
    // past the share of the limit the rest was sized for.
    assertTrue(
        BigDecimal.valueOf(initialHeapMb()).multiply(mib).compareTo(heap) < 0,
        "-Xms" + initialHeapMb() + "m fits in a heap of " + heap.divide(mib) + " MiB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example"})
  void the_image_is_a_release_never_latest(String dir) throws IOException {
    String image = (String) container(one(render(dir), "Deployment")).get("image");
    Matcher m =
        Pattern.compile("^([^@]+?)(?::([\\w][\\w.-]{0,127}))?(@sha256:[0-9a-f]{64})?$")
            .matcher(image);
    assertTrue(m.matches(), image);
    assertTrue(m.group(2) != null || m.group(3) != null, image + " names a tag or a digest");
    assertFalse("latest".equals(m.group(2)), image);
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example"})
  void pods_run_locked_down(String dir) throws IOException {
    List<Map<String, Object>> objects = render(dir);
    Map<String, Object> deployment = one(objects, "Deployment");
    Map<String, Object> pod = podSpec(deployment);
    Map<String, Object> podSecurity = castMap(pod.get("securityContext"));
    Map<String, Object> c = container(deployment);
    Map<String, Object> security = castMap(c.get("securityContext"));

    assertEquals(true, podSecurity.get("runAsNonRoot"));
    assertEquals(imageUid(), podSecurity.get("runAsUser"), "the image's own user");
    assertEquals("RuntimeDefault", castMap(podSecurity.get("seccompProfile")).get("type"));
    assertEquals(true, security.get("readOnlyRootFilesystem"));
    assertEquals(false, security.get("allowPrivilegeEscalation"));
    assertEquals(List.of("ALL"), castMap(security.get("capabilities")).get("drop"));
    assertEquals(false, pod.get("automountServiceAccountToken"));
    assertEquals(
        false,
        one(objects, "ServiceAccount").get("automountServiceAccountToken"),
        "the ServiceAccount mounts no token either");
    // A Service named claimwatch would set CLAIMWATCH_PORT=tcp://..., the service's port setting.
    assertEquals(false, pod.get("enableServiceLinks"));

    // What the service writes on a read-only root: /tmp, and the AppCDS archive the entrypoint
    // records (docker/entrypoint.sh), each on a volume of the pod.
    Set<String> volumes =
        list(pod.get("volumes")).stream()
            .map(v -> (String) castMap(v).get("name"))
            .collect(Collectors.toSet());
    Map<String, String> mounts = new LinkedHashMap<>();
    for (Object m : list(c.get("volumeMounts"))) {
      Map<String, Object> mount = castMap(m);
      assertTrue(volumes.contains(mount.get("name")), mount.toString());
      mounts.put((String) mount.get("mountPath"), (String) mount.get("name"));
    }
    for (String written : List.of("/tmp/", cdsArchive())) {
      assertTrue(
          mounts.keySet().stream().anyMatch(p -> written.startsWith(p + "/")),
          written + " is on a writable volume: " + mounts);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/example"})
  void selectors_and_ports_agree(String dir) throws IOException {
    List<Map<String, Object>> objects = render(dir);
    Map<String, Object> deployment = one(objects, "Deployment");
    Map<String, Object> podLabels = podLabels(deployment);
    assertSelects(spec(deployment).get("selector"), podLabels);
    assertSelects(castMap(spec(one(objects, "NetworkPolicy")).get("podSelector")), podLabels);

    Map<String, Object> service = spec(one(objects, "Service"));
    Map<String, Object> selector = castMap(service.get("selector"));
    assertFalse(selector.isEmpty());
    selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), "Service selects the pods"));
    Set<Object> containerPorts =
        list(container(deployment).get("ports")).stream()
            .map(p -> castMap(p).get("name"))
            .collect(Collectors.toSet());
    for (Object p : list(service.get("ports"))) {
      assertTrue(containerPorts.contains(castMap(p).get("targetPort")), p.toString());
    }
    assertEquals(
        "claimwatch", podSpec(deployment).get("serviceAccountName"), "the ServiceAccount above");
  }

  @Test
  void the_service_monitor_scrapes_prometheus_with_a_token_from_a_secret() throws IOException {
    Map<String, Object> monitor = Kustomization.single(SERVICE_MONITOR);
    List<Map<String, Object>> objects = render("overlays/example");
    Map<String, Object> service = one(objects, "Service");

    assertEquals("monitoring.coreos.com/v1", monitor.get("apiVersion"));
    assertEquals("ServiceMonitor", monitor.get("kind"));
    Map<String, Object> spec = spec(monitor);
    assertEquals(Set.of("selector", "endpoints"), spec.keySet());
    Map<String, Object> serviceLabels = castMap(castMap(service.get("metadata")).get("labels"));
    assertSelects(spec.get("selector"), serviceLabels);
    Set<Object> servicePorts =
        list(spec(service).get("ports")).stream()
            .map(p -> castMap(p).get("name"))
            .collect(Collectors.toSet());
    List<?> endpoints = list(spec.get("endpoints"));
    assertEquals(1, endpoints.size());
    Map<String, Object> endpoint = castMap(endpoints.get(0));
    assertEquals(Set.of("port", "path", "interval", "authorization"), endpoint.keySet());
    assertTrue(servicePorts.contains(endpoint.get("port")));
    assertEquals("/prometheus", endpoint.get("path"));
    Map<String, Object> authorization = castMap(endpoint.get("authorization"));
    assertEquals("Bearer", authorization.get("type"));
    assertEquals(Set.of("name", "key"), castMap(authorization.get("credentials")).keySet());
  }

  // --- helpers ---

  private static List<Map<String, Object>> render(String dir) throws IOException {
    return new Kustomization().render(K8S.resolve(dir));
  }

  private static void refused(String expected, Consumer<Map<String, Object>> breakIt)
      throws IOException {
    Map<String, Object> deployment = one(render("base"), "Deployment");
    breakIt.accept(deployment);
    AssertionError e =
        assertThrows(AssertionError.class, () -> KubernetesSchema.validate(deployment));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static Map<String, Object> one(List<Map<String, Object>> objects, String kind) {
    List<Map<String, Object>> hits =
        objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    assertEquals(1, hits.size(), kind);
    return hits.get(0);
  }

  private static Map<String, Object> spec(Map<String, Object> o) {
    return castMap(o.get("spec"));
  }

  private static Map<String, Object> podSpec(Map<String, Object> deployment) {
    return castMap(castMap(spec(deployment).get("template")).get("spec"));
  }

  private static Map<String, Object> podLabels(Map<String, Object> deployment) {
    return castMap(
        castMap(castMap(spec(deployment).get("template")).get("metadata")).get("labels"));
  }

  private static Map<String, Object> container(Map<String, Object> deployment) {
    List<?> containers = list(podSpec(deployment).get("containers"));
    assertEquals(1, containers.size());
    return castMap(containers.get(0));
  }

  private static Map<String, Object> resources(Map<String, Object> deployment) {
    return castMap(container(deployment).get("resources"));
  }

  private static Map<String, Object> lifecycle(Map<String, Object> container) {
    return castMap(container.get("lifecycle"));
  }

  private static Map<String, Object> probe(Map<String, Object> deployment, String probe) {
    return castMap(container(deployment).get(probe));
  }

  private static Map<String, Object> httpGet(Map<String, Object> container, String probe) {
    return castMap(castMap(container.get(probe)).get("httpGet"));
  }

  private static List<?> list(Object o) {
    assertTrue(o instanceof List<?>, "a list: " + o);
    return (List<?>) o;
  }

  private static void assertSelects(Object selector, Map<String, Object> labels) {
    Map<String, Object> s = castMap(selector);
    assertEquals(Set.of("matchLabels"), s.keySet(), "select by labels");
    Map<String, Object> match = castMap(s.get("matchLabels"));
    assertFalse(match.isEmpty());
    match.forEach((k, v) -> assertEquals(v, labels.get(k), "selects the pods by " + k));
  }

  private static BigDecimal quantity(Object value) {
    assertTrue(value instanceof String, "a quantity is written as a string: " + value);
    return Quantity.fromString((String) value).getNumber();
  }

  /** A duration as the service reads it from the environment ("40s", "2m"), in seconds. */
  private static long seconds(Object value) {
    Matcher m = Pattern.compile("(\\d+)(s|m)").matcher(String.valueOf(value));
    assertTrue(m.matches(), "a duration: " + value);
    return Long.parseLong(m.group(1)) * ("m".equals(m.group(2)) ? 60 : 1);
  }

  private static int maxRamPercentage() throws IOException {
    Matcher m =
        Pattern.compile("-XX:MaxRAMPercentage=(\\d+)")
            .matcher(Files.readString(Path.of("docker/Dockerfile")));
    assertTrue(m.find(), "docker/Dockerfile sizes the heap by MaxRAMPercentage");
    return Integer.parseInt(m.group(1));
  }

  private static int initialHeapMb() throws IOException {
    Matcher m =
        Pattern.compile("-Xms(\\d+)m\\b").matcher(Files.readString(Path.of("docker/Dockerfile")));
    assertTrue(m.find(), "docker/Dockerfile sets the initial heap in MB");
    return Integer.parseInt(m.group(1));
  }

  private static int imageUid() throws IOException {
    Matcher m =
        Pattern.compile("useradd [^\\n]*--uid (\\d+)")
            .matcher(Files.readString(Path.of("docker/Dockerfile")));
    assertTrue(m.find(), "docker/Dockerfile makes a user with a fixed uid");
    return Integer.parseInt(m.group(1));
  }

  private static String cdsArchive() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^ARCHIVE=\\$\\{CLAIMWATCH_CDS_ARCHIVE:-(\\S+)}$")
            .matcher(Files.readString(Path.of("docker/entrypoint.sh")));
    assertTrue(m.find(), "docker/entrypoint.sh names its archive (the image's default)");
    return m.group(1);
  }
}
