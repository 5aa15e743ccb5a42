package org.claimwatch.extract;

import java.util.List;

/** Finds the stored entities a text names. */
interface Mentions {
  /** An entity named in a text: where, and which. */
  record Mention(int start, int end, long id, String name) {}

  /** Every mention in {@code text}, in order. */
  List<Mention> find(String text);
}
