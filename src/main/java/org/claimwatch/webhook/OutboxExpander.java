package org.claimwatch.webhook;

/**
 * Turns one deferred outbox row into the events it stands for ({@link Outbox#appendDeferred}). A
 * filing that flags 100,000 claims commits one small row with its flags instead of 100,000 events;
 * the dispatcher expands it afterwards, in its own transaction, once (the row is marked done in the
 * same transaction as the events it expands into).
 */
public interface OutboxExpander {
  /** The name deferred rows carry. */
  String name();

  /** Appends the events {@code dataJson} stands for, through the {@link Outbox}. */
  void expand(String dataJson);
}
