package org.claimwatch.claim;

public enum Periodicity {
  NONE,
  PER_QUARTER,
  PER_YEAR
}
