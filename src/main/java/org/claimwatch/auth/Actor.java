package org.claimwatch.auth;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.Set;

/**
 * Who is calling: the token's name and the roles it carries. Services take this, not HTTP types.
 */
public record Actor(String name, Set<String> roles) {
  public static Actor of(Authentication authentication) {
    Collection<String> roles = authentication.getRoles();
    return new Actor(authentication.getName(), Set.copyOf(roles));
  }

  public boolean has(String role) {
    return roles.contains(role);
  }
}
