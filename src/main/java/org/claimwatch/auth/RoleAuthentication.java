package org.claimwatch.auth;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;

/**
 * The authentication of an API token or of a page session (which stands for one): the token's name,
 * its role with every role that one includes, and the role's name plus one attribute of its own as
 * attributes.
 */
public final class RoleAuthentication {
  private RoleAuthentication() {}

  /** {@code name} as {@code role}, with one more attribute ({@code key}: {@code value}). */
  public static Authentication of(String name, Role role, String key, Object value) {
    return Authentication.build(name, role.grantedRoles(), Map.of("role", role.name(), key, value));
  }

  /**
   * The authentication {@code lookUp} finds, or none. The security filter runs on the event loop
   * and the look-up reads the database, so it runs on {@code blocking}.
   */
  public static Publisher<Authentication> lookedUp(
      Supplier<Optional<Authentication>> lookUp, ExecutorService blocking) {
    return Publishers.fromCompletableFuture(
        () -> CompletableFuture.supplyAsync(() -> lookUp.get().orElse(null), blocking));
  }
}
