package org.claimwatch.extract;

import java.util.List;
import org.claimwatch.subject.SubjectKind;

/** Finds the stored entities a text names. */
interface Mentions {
  /**
   * An entity named in a text: where, which, of what kind (null: not known), and whether by its
   * people's adjective ("American employers": {@link Demonyms}), which is weaker than a name.
   */
  record Mention(int start, int end, long id, String name, SubjectKind kind, boolean demonym) {
    /** A mention by a name. */
    Mention(int start, int end, long id, String name, SubjectKind kind) {
      this(start, end, id, name, kind, false);
    }

    /** A mention of an entity whose kind is not known. */
    Mention(int start, int end, long id, String name) {
      this(start, end, id, name, null);
    }
  }

  /** Every mention in {@code text}, in order. */
  List<Mention> find(String text);
}
