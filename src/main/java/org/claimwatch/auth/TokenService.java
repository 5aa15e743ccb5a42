package org.claimwatch.auth;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.claimwatch.system.FieldError;
import org.claimwatch.system.Hashing;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issues, looks up and revokes API tokens. Only a token's SHA-256 is ever stored. */
@Singleton
public class TokenService {
  static final String BOOTSTRAP_ADMIN_NAME = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@-]{0,99}");
  private static final int MIN_ADMIN_TOKEN_LENGTH = 16;

  private final ApiTokenRepository repository;
  private final AuthConfig config;
  private final Clock clock;
  private final TokenCache cache;
  private final Transactions tx;
  private final SecureRandom random = new SecureRandom();

  TokenService(
      ApiTokenRepository repository,
      AuthConfig config,
      Clock clock,
      TokenCache cache,
      Transactions tx) {
    this.tx = tx;
    this.repository = repository;
    this.config = config;
    this.clock = clock;
    this.cache = cache;
  }

  @Serdeable
  public record TokenRequest(String name, String role) {}

  /** A token as listed: never the secret. */
  @Serdeable
  public record TokenView(
      long id, String name, Role role, String createdBy, Instant createdAt, Instant revokedAt) {
    static TokenView of(ApiToken t) {
      return new TokenView(t.id(), t.name(), t.role(), t.createdBy(), t.createdAt(), t.revokedAt());
    }
  }

  /** A new token: the only time its secret is shown. */
  @Serdeable
  public record CreatedToken(long id, String name, Role role, Instant createdAt, String token) {}

  /** Makes sure the token in CLAIMWATCH_ADMIN_TOKEN, if any, is a working ADMIN token. */
  @EventListener
  @Transactional
  void onStartup(StartupEvent event) {
    String token = config.adminToken();
    if (token == null || token.isBlank()) {
      LOG.info("CLAIMWATCH_ADMIN_TOKEN is not set: no bootstrap admin token");
      return;
    }
    if (token.length() < MIN_ADMIN_TOKEN_LENGTH) {
      throw new IllegalStateException(
          "CLAIMWATCH_ADMIN_TOKEN must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters");
    }
    String lower = token.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("change-me") || lower.contains("changeme")) {
      throw new IllegalStateException(
          "CLAIMWATCH_ADMIN_TOKEN is a placeholder, not a secret; make one with: openssl rand"
              + " -hex 24");
    }
    String hash = hash(token);
    Instant now = clock.instant();
    Optional<ApiToken> current = repository.findByName(BOOTSTRAP_ADMIN_NAME);
    if (current.isPresent() && current.get().tokenHash().equals(hash)) {
      if (current.get().revokedAt() != null) {
        LOG.warn(
            "The token in CLAIMWATCH_ADMIN_TOKEN was revoked and stays revoked; set another value"
                + " to make a new bootstrap admin token");
      }
      return;
    }
    if (current.isPresent()) {
      // A new value: the old token ends, and every page session signed in with it. Kept under
      // another name for the record; one retired live may come back, one revoked never does.
      ApiToken old = current.get();
      boolean revoked = old.revokedAt() != null;
      repository.update(
          renamed(
              old,
              BOOTSTRAP_ADMIN_NAME + (revoked ? " revoked #" : " retired #") + old.id(),
              revoked ? old.revokedAt() : now,
              old.createdAt()));
      cache.evictAll();
    }
    Optional<ApiToken> same = repository.findByTokenHash(hash);
    if (same.isEmpty()) {
      repository.save(
          new ApiToken(null, BOOTSTRAP_ADMIN_NAME, Role.ADMIN, hash, "environment", now, null));
    } else if ("environment".equals(same.get().createdBy())
        && same.get().name().startsWith(BOOTSTRAP_ADMIN_NAME + " retired #")) {
      // An earlier value back again: live from now on; sessions from before stay ended (a page
      // session counts only if it began after its token's created_at).
      repository.update(renamed(same.get(), BOOTSTRAP_ADMIN_NAME, null, now));
    } else {
      throw new IllegalStateException(
          "CLAIMWATCH_ADMIN_TOKEN is the secret of the token '"
              + same.get().name()
              + "', which was revoked or is another token; choose a new value");
    }
  }

  private static ApiToken renamed(ApiToken t, String name, Instant revokedAt, Instant createdAt) {
    return new ApiToken(t.id(), name, t.role(), t.tokenHash(), t.createdBy(), createdAt, revokedAt);
  }

  /**
   * Holds the named token's row until the caller's transaction ends, so that two requests of one
   * token that count what it owns and then add to it (at most 25 webhook subscriptions) take turns.
   */
  @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
  public void lockOwner(String name) {
    repository.lockIdByName(name);
  }

  @Transactional
  public CreatedToken create(TokenRequest request, String createdBy) {
    List<FieldError> errors = new ArrayList<>();
    String name = request.name() == null ? null : request.name().strip();
    if (name == null || !NAME.matcher(name).matches()) {
      errors.add(
          new FieldError(
              "name", "required: 1-100 letters, digits, spaces or ._@- starting with a letter"));
    }
    Role role = null;
    try {
      role = request.role() == null ? null : Role.valueOf(request.role());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (role == null) {
      errors.add(
          new FieldError("role", "required: one of VIEWER, CHECKER, EDITOR, ADMIN, INTEGRATION"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.validation(errors);
    }
    if (repository.existsByName(name)) {
      throw ProblemException.conflict("A token named '" + name + "' already exists");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = "cw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiToken saved =
        repository.save(
            new ApiToken(null, name, role, hash(token), createdBy, clock.instant(), null));
    return new CreatedToken(saved.id(), saved.name(), saved.role(), saved.createdAt(), token);
  }

  @Transactional
  public List<TokenView> list() {
    return repository.findAllOrderById().stream().map(TokenView::of).toList();
  }

  /**
   * Revokes the token. The cache is cleared once the revocation has committed (a lookup between the
   * update and the commit would read the token as live and keep it for the cache's TTL), and a
   * lookup that started before the clearing does not put its answer back ({@link TokenCache}).
   */
  public TokenView revoke(long id) {
    TokenView revoked =
        tx.write(
            () -> {
              ApiToken token =
                  repository
                      .findById(id)
                      .orElseThrow(() -> ProblemException.notFound("No token " + id));
              return TokenView.of(
                  token.revokedAt() == null
                      ? repository.update(token.revoked(clock.instant()))
                      : token);
            });
    cache.evictAll();
    return revoked;
  }

  /** The live (not revoked) token with this secret, if any. */
  public Optional<ApiToken> authenticate(String token) {
    return cache.get(hash(token), repository::findByTokenHash).filter(t -> t.revokedAt() == null);
  }

  /**
   * What {@link #authenticate} would answer, if that is known without the database (the token was
   * looked up within {@link TokenCache#TTL}); null when only the database can tell.
   */
  Optional<ApiToken> authenticateIfCached(String token) {
    Optional<ApiToken> known = cache.cached(hash(token));
    return known == null ? null : known.filter(t -> t.revokedAt() == null);
  }

  static String hash(String token) {
    return Hashing.sha256Hex(token);
  }
}
