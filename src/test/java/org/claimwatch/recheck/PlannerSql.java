package org.claimwatch.recheck;

/**
 * The re-check planner's SQL for an import, as {@link RecheckPlanner} runs it (its builders are
 * package-private), for benchmarks that time the statements directly over JDBC.
 *
 * <p>Parameters, as RecheckPlanner binds them: {@link #IMPORT_SUPERSEDE} import id, entity id,
 * resolved_at; {@link #IMPORT_INSERT} created_by, created_at, import id, entity id; {@link
 * #IMPORT_CANDIDATES} import id, entity id.
 */
public final class PlannerSql {
  /** The candidates SELECT of an import (one row per claim: its newest figure). */
  public static final String IMPORT_CANDIDATES =
      RecheckPlanner.candidates(RecheckPlanner.IMPORT_FILTER, RecheckPlanner.IMPORT_REASON);

  /** The UPDATE that closes the open figure flags an import's flags replace. */
  public static final String IMPORT_SUPERSEDE = RecheckPlanner.supersede(IMPORT_CANDIDATES);

  /** The INSERT IGNORE ... SELECT that flags the claims an import bears on. */
  public static final String IMPORT_INSERT = RecheckPlanner.insert(IMPORT_CANDIDATES);

  private PlannerSql() {}
}
