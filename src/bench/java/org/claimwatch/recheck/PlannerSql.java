package org.claimwatch.recheck;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The re-check planner's SQL for an import, as {@link RecheckPlanner} runs it (its builders are
 * package-private), for benchmarks that time the statements directly over JDBC.
 *
 * <p>Parameters: {@link #IMPORT_SUPERSEDE} the import's ({@link #bindImport}) from 1, then
 * resolved_at, entity id; {@link #IMPORT_INSERT} created_by, created_at, then the import's from 3;
 * {@link #IMPORT_CANDIDATES} the import's from 1.
 */
public final class PlannerSql {
  /** The candidates SELECT of an import (one row per claim: its deciding figure). */
  public static final String IMPORT_CANDIDATES = RecheckPlanner.IMPORT_CANDIDATES;

  /** The UPDATE that closes the open figure flags an import's flags replace. */
  public static final String IMPORT_SUPERSEDE = RecheckPlanner.supersede(IMPORT_CANDIDATES);

  /** The INSERT IGNORE ... SELECT that flags the claims an import bears on. */
  public static final String IMPORT_INSERT = RecheckPlanner.insert(IMPORT_CANDIDATES);

  /** How many parameters {@link #bindImport} sets. */
  public static final int IMPORT_PARAMETERS = RecheckPlanner.IMPORT_PARAMETERS;

  private PlannerSql() {}

  /** Binds an import's parameters of the candidates, from position {@code i}. */
  public static void bindImport(PreparedStatement ps, int i, long importId, long entityId)
      throws SQLException {
    RecheckPlanner.bindImport(ps, i, importId, entityId);
  }
}
