package org.claimwatch.auth;

import static org.claimwatch.system.Sql.utc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.claimwatch.system.Hashing;

/**
 * Browser sessions: a token pasted once on the sign-in page becomes a random session id in an
 * HttpOnly cookie; the database keeps its hash, the token it stands for and the session's CSRF
 * token. A session ends at its expiry, at sign-out, or when its token is revoked.
 */
@Singleton
public class PageSessions {
  public static final String COOKIE = "cw_session";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A live session: who, with which role, and the CSRF token its forms carry. */
  public record Session(String name, Role role, String csrf) {}

  /** A new session: the cookie value (shown to the browser only) and the session. */
  public record Started(String cookie, Session session) {}

  private final TokenService tokens;
  private final JdbcOperations jdbc;
  private final PageSessionConfig config;
  private final Clock clock;

  PageSessions(TokenService tokens, JdbcOperations jdbc, PageSessionConfig config, Clock clock) {
    this.tokens = tokens;
    this.jdbc = jdbc;
    this.config = config;
    this.clock = clock;
  }

  /** Signs in with an API token; empty when the token is unknown or revoked. */
  @Transactional
  public Optional<Started> signIn(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Optional<ApiToken> t = tokens.authenticate(token.strip());
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String cookie = random();
    String csrf = random();
    Instant now = clock.instant();
    jdbc.prepareStatement(
        "INSERT INTO ui_sessions (id_hash, token_id, csrf, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, Hashing.sha256Hex(cookie));
          ps.setLong(2, t.get().id());
          ps.setString(3, csrf);
          ps.setObject(4, utc(now));
          ps.setObject(5, utc(now.plus(config.sessionTtl())));
          return ps.executeUpdate();
        });
    return Optional.of(new Started(cookie, new Session(t.get().name(), t.get().role(), csrf)));
  }

  /** The live session a cookie stands for. */
  @Transactional
  public Optional<Session> find(String cookie) {
    if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
      return Optional.empty();
    }
    return jdbc.prepareStatement(
        "SELECT t.name, t.role, s.csrf FROM ui_sessions s JOIN api_tokens t ON t.id = s.token_id"
            + " WHERE s.id_hash = ? AND s.expires_at > ? AND t.revoked_at IS NULL"
            // a token brought back (the bootstrap admin's earlier value) does not revive sessions
            + " AND s.created_at >= t.created_at",
        ps -> {
          ps.setString(1, Hashing.sha256Hex(cookie));
          ps.setObject(2, utc(clock.instant()));
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next()
                ? Optional.of(
                    new Session(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
                : Optional.<Session>empty();
          }
        });
  }

  @Transactional
  public void signOut(String cookie) {
    if (cookie == null) {
      return;
    }
    jdbc.prepareStatement(
        "DELETE FROM ui_sessions WHERE id_hash = ?",
        ps -> {
          ps.setString(1, Hashing.sha256Hex(cookie));
          return ps.executeUpdate();
        });
  }

  /**
   * Removes sessions that have expired (the key on expires_at finds them), 1,000 at a time; any
   * instance may run it at once with another, each deletes what is still there.
   */
  @io.micronaut.scheduling.annotation.Scheduled(fixedDelay = "1h", initialDelay = "1m")
  @io.micronaut.data.connection.annotation.Connectable
  public int purgeExpired() {
    int total = 0;
    int n;
    do {
      n =
          jdbc.prepareStatement(
              "DELETE FROM ui_sessions WHERE expires_at <= ? LIMIT 1000",
              ps -> {
                ps.setObject(1, utc(clock.instant()));
                return ps.executeUpdate();
              });
      total += n;
    } while (n == 1000);
    return total;
  }

  /** 32 random bytes, URL-safe. */
  public static String randomToken() {
    return random();
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
