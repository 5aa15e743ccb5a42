package org.claimwatch.subject;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("subject_aliases")
public record SubjectAlias(@Id @GeneratedValue @Nullable Long id, long subjectId, String alias) {}
