package org.claimwatch.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("metric_concepts")
public record MetricConcept(@Id @GeneratedValue @Nullable Long id, String metric, String concept) {}
