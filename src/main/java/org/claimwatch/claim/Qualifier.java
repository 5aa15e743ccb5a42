package org.claimwatch.claim;

public enum Qualifier {
  EXACT,
  APPROX,
  AT_LEAST,
  MORE_THAN,
  AT_MOST,
  LESS_THAN,
  RANGE
}
