package org.claimwatch.claim;

public enum ClaimKind {
  REPORTED,
  ESTIMATE,
  FORECAST
}
