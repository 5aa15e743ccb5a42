package org.claimwatch.extract;

import java.util.List;
import org.claimwatch.subject.SubjectKind;

/** Finds the stored entities a text names. */
interface Mentions {
  /** An entity named in a text: where, which, and of what kind (null: not known). */
  record Mention(int start, int end, long id, String name, SubjectKind kind) {
    /** A mention of an entity whose kind is not known. */
    Mention(int start, int end, long id, String name) {
      this(start, end, id, name, null);
    }
  }

  /** Every mention in {@code text}, in order. */
  List<Mention> find(String text);
}
