package org.claimwatch.extract;

import java.util.List;

/** Finds the stored claims a candidate duplicates (tests without a database find none). */
interface DuplicateFinder {
  List<Duplicate> of(Candidate c);
}
