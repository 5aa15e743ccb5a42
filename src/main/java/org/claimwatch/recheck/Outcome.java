package org.claimwatch.recheck;

/** What a reported figure says about a claim. */
public enum Outcome {
  SUPPORTS,
  CONTRADICTS,
  INCONCLUSIVE
}
