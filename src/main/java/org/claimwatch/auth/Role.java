package org.claimwatch.auth;

import java.util.List;

/**
 * Roles of API tokens. VIEWER < CHECKER < EDITOR < ADMIN, each including the ones before it;
 * INTEGRATION (newsroom tools) reads and submits claims. Endpoints name the smallest role they
 * need; an authenticated token carries its own role plus every role it includes.
 */
public enum Role {
  VIEWER,
  CHECKER,
  EDITOR,
  ADMIN,
  INTEGRATION;

  // Names for @Secured, which needs compile-time constants.
  public static final String R_VIEWER = "VIEWER";
  public static final String R_CHECKER = "CHECKER";
  public static final String R_EDITOR = "EDITOR";
  public static final String R_ADMIN = "ADMIN";
  public static final String R_INTEGRATION = "INTEGRATION";

  /** This role and every role it includes. */
  public List<String> grantedRoles() {
    return switch (this) {
      case VIEWER -> List.of(R_VIEWER);
      case CHECKER -> List.of(R_CHECKER, R_VIEWER);
      case EDITOR -> List.of(R_EDITOR, R_CHECKER, R_VIEWER);
      case ADMIN -> List.of(R_ADMIN, R_EDITOR, R_CHECKER, R_VIEWER);
      case INTEGRATION -> List.of(R_INTEGRATION, R_VIEWER);
    };
  }
}
