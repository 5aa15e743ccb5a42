package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import org.claimwatch.auth.TokenService.CreatedToken;
import org.claimwatch.auth.TokenService.TokenView;

/**
 * {@code admin-tokens.html}: the API tokens, the roles a new one may have, and the token just made
 * (its secret shown this once) or why it was not.
 */
@Introspected
record AdminTokensPage(
    Layout layout,
    List<TokenView> tokens,
    List<String> roles,
    CreatedToken created,
    String error) {}
