package org.claimwatch.webhook;

/** Published when events were appended; heard after the transaction commits. */
public final class OutboxAppended {
  static final OutboxAppended INSTANCE = new OutboxAppended();

  private OutboxAppended() {}
}
