package org.claimwatch.report;

import static org.claimwatch.system.Sql.utc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.claimwatch.system.InstanceName;
import org.claimwatch.system.JdbcRows;
import org.claimwatch.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents of asynchronous imports, kept in {@code import_documents} from the moment the
 * import is accepted until it is DONE or FAILED. An instance claims one for {@link #CLAIM} at a
 * time ({@code FOR UPDATE SKIP LOCKED}, so two never take the same); a claim that ran out (its
 * instance died) is taken up again by another. All statements on the table are here.
 */
@Singleton
class ImportQueue {
  /** Longer than any import takes; a crashed instance's document waits this long at most. */
  static final Duration CLAIM = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(ImportQueue.class);

  private final JdbcOperations jdbc;
  private final Transactions transactions;
  private final Clock clock;
  private final String holder;

  ImportQueue(JdbcOperations jdbc, Transactions transactions, Clock clock, InstanceName instance) {
    this.holder = instance.value();
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A document to import: its job and what the caller expected. */
  record Queued(long importId, Long expectedCik, byte[] json) {}

  /** Keeps the document of job {@code importId}, in the caller's transaction. */
  void add(long importId, Long expectedCik, byte[] json) {
    JdbcRows.update(
        jdbc,
        "INSERT INTO import_documents (import_id, expected_cik, document, created_at)"
            + " VALUES (?, ?, ?, ?)",
        importId,
        expectedCik,
        gzip(json),
        utc(clock.instant()));
  }

  /**
   * Claims the oldest document nobody holds (or whose claim ran out), if any (in a transaction).
   */
  Optional<Queued> claim() {
    Queued[] found = new Queued[1];
    jdbc.prepareStatement(
        "SELECT import_id, expected_cik, document FROM import_documents"
            + " WHERE claimed_until IS NULL OR claimed_until < ?"
            + " ORDER BY import_id LIMIT 1 FOR UPDATE SKIP LOCKED",
        ps -> {
          ps.setObject(1, utc(clock.instant()));
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              long cik = rs.getLong(2);
              Long expected = rs.wasNull() ? null : cik;
              found[0] = new Queued(rs.getLong(1), expected, gunzip(rs.getBytes(3)));
            }
          }
          return null;
        });
    if (found[0] == null) {
      return Optional.empty();
    }
    jdbc.prepareStatement(
        "UPDATE import_documents SET claimed_by = ?, claimed_until = ? WHERE import_id = ?",
        ps -> {
          ps.setString(1, holder);
          ps.setObject(2, utc(clock.instant().plus(CLAIM)));
          ps.setLong(3, found[0].importId());
          return ps.executeUpdate();
        });
    return Optional.of(found[0]);
  }

  /**
   * Asynchronous imports waiting for an instance ({@code queued}) and being imported by one ({@code
   * running}): for the gauges. The table holds only the jobs not yet finished.
   */
  long[] counts() {
    return jdbc.prepareStatement(
        "SELECT COALESCE(SUM(claimed_until IS NULL OR claimed_until < ?), 0),"
            + " COALESCE(SUM(claimed_until >= ?), 0) FROM import_documents",
        ps -> {
          Object now = utc(clock.instant());
          ps.setObject(1, now);
          ps.setObject(2, now);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
          }
        });
  }

  /** Gives the document back to be taken up again (after a failure of the database). */
  void release(long importId) {
    JdbcRows.update(
        jdbc,
        "UPDATE import_documents SET claimed_by = NULL, claimed_until = ? WHERE import_id = ?",
        // not at once: the database that just failed gets a minute
        utc(clock.instant().plus(Duration.ofMinutes(1))),
        importId);
  }

  /**
   * At shutdown: the documents this instance holds (imports it did not finish) are given back, to
   * be taken up at once by another instance instead of after {@link #CLAIM}.
   */
  @PreDestroy
  void releaseHeld() {
    int released =
        transactions.writeAlone(
            () ->
                JdbcRows.update(
                    jdbc,
                    "UPDATE import_documents SET claimed_by = NULL, claimed_until = NULL"
                        + " WHERE claimed_by = ?",
                    holder));
    if (released > 0) {
      LOG.info("shutdown: gave back {} unfinished import(s)", released);
    }
  }

  /** The import is DONE or FAILED: its document goes (in the caller's transaction). */
  void done(long importId) {
    JdbcRows.update(jdbc, "DELETE FROM import_documents WHERE import_id = ?", importId);
  }

  private static byte[] gzip(byte[] json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 8 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] packed) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
