package org.claimwatch.webhook;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubscriptionRepository extends CrudRepository<Subscription, Long> {
  List<Subscription> findAllOrderById();

  List<Subscription> findByOwnerOrderById(String owner);

  long countByOwner(String owner);

  /** The row, locked until the transaction ends: changes read it, change it, write it whole. */
  @Query(
      value = "SELECT * FROM webhook_subscriptions WHERE id = :id FOR UPDATE",
      nativeQuery = true)
  Optional<Subscription> lock(long id);
}
