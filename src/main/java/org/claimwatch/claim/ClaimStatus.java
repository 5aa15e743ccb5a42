package org.claimwatch.claim;

public enum ClaimStatus {
  UNVERIFIED,
  IN_REVIEW,
  ACCURATE,
  MOSTLY_ACCURATE,
  MISLEADING,
  INACCURATE,
  UNVERIFIABLE
}
