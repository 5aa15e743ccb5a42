package org.claimwatch.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new claim's history changes are written straight from its fields, as the diff would be. */
class HistoryJsonTest {

  @Test
  void a_created_entry_is_the_diff_from_nothing() {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("statement", "Apple \"said\" $5bn\n");
    snapshot.put("language", null);
    snapshot.put("entityId", 42L);
    snapshot.put("value", "5000000000");
    snapshot.put("priority", 50);

    assertEquals(
        HistoryJson.toJson(HistoryJson.diff(Map.of(), snapshot)),
        HistoryJson.created(snapshot, null));
  }

  @Test
  void a_created_duplicate_names_the_claim_it_repeats_last() {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("statement", "x");
    Map<String, Object> withLink = new LinkedHashMap<>(snapshot);
    withLink.put("duplicateOf", 7L);

    assertEquals(
        HistoryJson.toJson(HistoryJson.diff(Map.of(), withLink)),
        HistoryJson.created(snapshot, 7L));
  }
}
