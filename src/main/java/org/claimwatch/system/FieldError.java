package org.claimwatch.system;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One field at fault in a request: {@code field} is a JSON path such as {@code claims[3].value}.
 */
@Serdeable
public record FieldError(String field, String message) {}
