package org.claimwatch.webhook;

/** Where a webhook delivery stands (the {@code status} column and the API's filter). */
public enum DeliveryStatus {
  /** Waiting to be sent, now or at its due time (a retry). */
  PENDING,
  DELIVERED,
  /** Given up: out of retries, or refused for good (410, a URL no longer allowed). */
  FAILED,
  /** Its subscription is disabled: it goes out when the subscription is enabled again. */
  PAUSED
}
