package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import org.claimwatch.webhook.SubscriptionView;

/** {@code admin-webhooks.html}: every webhook subscription. */
@Introspected
record AdminWebhooksPage(Layout layout, List<SubscriptionView> subscriptions, String message) {}
