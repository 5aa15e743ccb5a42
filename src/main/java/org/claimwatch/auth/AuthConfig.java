package org.claimwatch.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * @param adminToken the first ADMIN token, from {@code CLAIMWATCH_ADMIN_TOKEN}; blank for none
 */
@ConfigurationProperties("claimwatch")
public record AuthConfig(@Nullable String adminToken) {}
