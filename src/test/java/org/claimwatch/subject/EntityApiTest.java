package org.claimwatch.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.claimwatch.support.ApiTest;
import org.junit.jupiter.api.Test;

@MicronautTest
class EntityApiTest extends ApiTest {

  @Test
  void creates_reads_and_lists_an_entity_with_aliases_and_identifiers() {
    String u = unique();
    Res r =
        post(
            "/api/v1/entities",
            Map.of(
                "name",
                "Alphabet " + u,
                "kind",
                "COMPANY",
                "aliases",
                List.of("Google " + u, "GOOG " + u),
                "secCik",
                7_000_000_000L + Math.abs(u.hashCode() % 1_000_000),
                "ticker",
                "goog"),
            ADMIN_TOKEN);
    assertEquals(201, r.status(), r.toString());
    assertEquals("GOOG", r.json().get("ticker"));
    assertEquals(List.of("Google " + u, "GOOG " + u), r.json().get("aliases"));
    Object id = r.json().get("id");
    assertEquals(r.json(), get("/api/v1/entities/" + id, ADMIN_TOKEN).json());
    List<Map<String, Object>> found = get("/api/v1/entities?q=Google%20" + u, ADMIN_TOKEN).items();
    assertEquals(1, found.size());
    assertEquals(id, found.get(0).get("id"));
  }

  @Test
  void names_aliases_and_ciks_are_unique() {
    String u = unique();
    long cik = 8_000_000_000L + Math.abs(u.hashCode() % 1_000_000);
    assertEquals(
        201,
        post(
                "/api/v1/entities",
                Map.of(
                    "name",
                    "Meta " + u,
                    "kind",
                    "COMPANY",
                    "aliases",
                    List.of("FB " + u),
                    "secCik",
                    cik),
                ADMIN_TOKEN)
            .status());
    assertEquals(
        409,
        post("/api/v1/entities", Map.of("name", "meta " + u, "kind", "COMPANY"), ADMIN_TOKEN)
            .status());
    assertEquals(
        409,
        post(
                "/api/v1/entities",
                Map.of("name", "Other " + u, "kind", "COMPANY", "aliases", List.of("fb " + u)),
                ADMIN_TOKEN)
            .status());
    assertEquals(
        409,
        post(
                "/api/v1/entities",
                Map.of("name", "Third " + u, "kind", "COMPANY", "secCik", cik),
                ADMIN_TOKEN)
            .status());
  }

  @Test
  void rejects_bad_fields_by_name() {
    Res r =
        post(
            "/api/v1/entities",
            Map.of(
                "name",
                "",
                "kind",
                "PLANET",
                "secCik",
                0,
                "ticker",
                "!!",
                "aliases",
                List.of("a", "A")),
            ADMIN_TOKEN);
    assertEquals(400, r.status());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
    assertEquals(
        List.of("name", "kind", "aliases[1]", "secCik", "ticker"),
        errors.stream().map(e -> e.get("field")).toList());
  }

  @Test
  void patch_changes_fields_and_replaces_aliases() {
    String u = unique();
    long id = entity("Nvidia " + u, "NV " + u);
    Map<String, Object> change = Map.of("aliases", List.of("Nvidia Corp " + u), "ticker", "NVDA");
    assertEquals(
        428,
        patch("/api/v1/entities/" + id, change, null, ADMIN_TOKEN).status(),
        "If-Match is required");
    String etag = get("/api/v1/entities/" + id, ADMIN_TOKEN).header("ETag");
    Res r = patch("/api/v1/entities/" + id, change, etag, ADMIN_TOKEN);
    assertEquals(200, r.status(), r.toString());
    assertEquals(List.of("Nvidia Corp " + u), r.json().get("aliases"));
    assertEquals("NVDA", r.json().get("ticker"));
    assertEquals(1, r.json().get("version"));
    assertEquals("\"1\"", r.header("ETag"));
    assertEquals(
        412, patch("/api/v1/entities/" + id, Map.of("ticker", "X"), "\"0\"", ADMIN_TOKEN).status());
    assertEquals(
        412,
        patch("/api/v1/entities/" + id, Map.of("ticker", "X"), etag, ADMIN_TOKEN).status(),
        "the version it was read at is gone");
    assertEquals(
        400,
        patch("/api/v1/entities/" + id, Map.of("colour", "green"), "\"1\"", ADMIN_TOKEN).status());
    assertEquals(404, get("/api/v1/entities/999999999", ADMIN_TOKEN).status());
  }
}
