package org.claimwatch.report;

/**
 * Told, inside the import's transaction, that an import changed an entity's figures (rows of {@code
 * figures} with this {@code import_id}). The re-check planner implements it to flag claims; it
 * returns how many claims it flagged.
 */
public interface FiguresChangedListener {
  int figuresChanged(long importId, long entityId);
}
