package org.claimwatch.report;

import jakarta.inject.Singleton;
import org.claimwatch.subject.EntityView;
import org.claimwatch.subject.SubjectService;
import org.claimwatch.system.ProblemException;
import org.claimwatch.system.Transactions;

/** Whether SEC EDGAR is polled for an entity: the setting behind its endpoint. */
@Singleton
class SecPollingService {
  private final SecPollingRepository polling;
  private final SubjectService subjects;
  private final Transactions transactions;

  SecPollingService(
      SecPollingRepository polling, SubjectService subjects, Transactions transactions) {
    this.polling = polling;
    this.subjects = subjects;
    this.transactions = transactions;
  }

  /** The entity's setting (off when never set); 404 for no such entity. */
  SecPolling get(long id) {
    return transactions.read(
        () -> {
          subjects.get(id);
          return polling
              .findById(id)
              .orElse(new SecPolling(id, false, null, null, null, null, null));
        });
  }

  /** Switches polling on or off; on needs the entity's SEC CIK. */
  SecPolling set(long id, Boolean enabled) {
    return transactions.write(() -> setNow(id, enabled));
  }

  private SecPolling setNow(long id, Boolean enabled) {
    EntityView entity = subjects.get(id);
    if (enabled == null) {
      throw ProblemException.invalidField("enabled", "required: true or false");
    }
    if (enabled && entity.secCik() == null) {
      throw ProblemException.invalidField(
          "enabled", "the entity has no SEC CIK to poll; set its secCik first");
    }
    return polling
        .findById(id)
        .map(
            p ->
                polling.update(
                    new SecPolling(
                        id,
                        enabled,
                        p.lastModified(),
                        p.lastPolledAt(),
                        p.lastStatus(),
                        p.lastError(),
                        p.lastImportId())))
        .orElseGet(() -> polling.save(new SecPolling(id, enabled, null, null, null, null, null)));
  }
}
