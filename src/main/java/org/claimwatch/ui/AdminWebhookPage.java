package org.claimwatch.ui;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import org.claimwatch.webhook.DeliveryView;
import org.claimwatch.webhook.SubscriptionView;

/**
 * {@code admin-webhook.html}: one subscription, its latest deliveries with their attempts, and what
 * the last button did ({@code message}).
 */
@Introspected
record AdminWebhookPage(
    Layout layout, SubscriptionView sub, List<DeliveryView> deliveries, String message) {}
