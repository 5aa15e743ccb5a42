package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("metric_concepts")
/**
 * A filing concept that stands for a claim metric. Of a metric's concepts that one filing gives for
 * the same period, the one with the lowest {@code preference} counts.
 */
public record MetricConcept(
    @Id @GeneratedValue @Nullable Long id, String metric, String concept, int preference) {}
