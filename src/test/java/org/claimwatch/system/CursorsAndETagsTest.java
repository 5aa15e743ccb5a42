package org.claimwatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorsAndETagsTest {
  @Test
  void cursor_round_trips_an_id() {
    assertEquals(123456789L, Cursors.decode(Cursors.encode(123456789L)));
    assertNull(Cursors.decode(null));
    assertNull(Cursors.decode(""));
  }

  @Test
  void foreign_cursor_is_a_400_on_cursor() {
    ProblemException e = assertThrows(ProblemException.class, () -> Cursors.decode("not!base64"));
    assertEquals("cursor", e.errors().get(0).field());
    assertThrows(ProblemException.class, () -> Cursors.decode(Cursors.encode(5).substring(1)));
  }

  @Test
  void a_page_has_a_next_cursor_only_when_more_rows_exist() {
    Page<Long> full = Cursors.page(List.of(9L, 8L, 7L), 2, Long::longValue, rows -> rows);
    assertEquals(List.of(9L, 8L), full.items());
    assertEquals(8L, Cursors.decode(full.nextCursor()));
    Page<Long> last = Cursors.page(List.of(9L, 8L), 2, Long::longValue, rows -> rows);
    assertNull(last.nextCursor());
  }

  @Test
  void limit_is_1_to_200_with_a_default_of_50() {
    assertEquals(50, Cursors.limit(null));
    assertEquals(200, Cursors.limit(200));
    assertThrows(ProblemException.class, () -> Cursors.limit(0));
    assertThrows(ProblemException.class, () -> Cursors.limit(201));
  }

  @Test
  void if_match_accepts_strong_weak_and_bare_versions() {
    assertEquals(3, ETags.requireVersion("\"3\""));
    assertEquals(3, ETags.requireVersion("W/\"3\""));
    assertEquals(3, ETags.requireVersion("3"));
    assertEquals("\"7\"", ETags.of(7));
  }

  @Test
  void missing_if_match_is_428_and_garbage_is_400() {
    assertEquals(
        428,
        assertThrows(ProblemException.class, () -> ETags.requireVersion(null)).status().getCode());
    assertEquals(
        428,
        assertThrows(ProblemException.class, () -> ETags.requireVersion(" ")).status().getCode());
    assertEquals(
        400,
        assertThrows(ProblemException.class, () -> ETags.requireVersion("\"abc\""))
            .status()
            .getCode());
  }
}
