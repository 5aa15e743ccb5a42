package org.claimwatch.claim;

public enum ClaimStatus {
  UNVERIFIED,
  IN_REVIEW,
  ACCURATE,
  MOSTLY_ACCURATE,
  MISLEADING,
  INACCURATE,
  UNVERIFIABLE;

  /** A status only a published verdict gives. */
  public boolean isVerdict() {
    return this != UNVERIFIED && this != IN_REVIEW;
  }
}
