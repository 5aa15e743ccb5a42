package org.claimwatch.subject;

public enum SubjectKind {
  COMPANY,
  ORGANIZATION,
  PERSON,
  MARKET,
  OTHER
}
