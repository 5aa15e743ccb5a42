package org.claimwatch.webhook;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SubscriptionRepository extends CrudRepository<Subscription, Long> {
  List<Subscription> findAllOrderById();

  List<Subscription> findByOwnerOrderById(String owner);
}
