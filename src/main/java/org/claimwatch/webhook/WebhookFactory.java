package org.claimwatch.webhook;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

@Factory
class WebhookFactory {
  /** The SSRF guard, with the configured allow-list. */
  @Singleton
  UrlGuard urlGuard(WebhookConfig config) {
    return new UrlGuard(config.allowedCidrs());
  }
}
