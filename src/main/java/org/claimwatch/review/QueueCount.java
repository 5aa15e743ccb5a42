package org.claimwatch.review;

import io.micronaut.serde.annotation.Serdeable;

/** How many claims wait in a queue (for the caller, with the filters given). */
@Serdeable
public record QueueCount(String name, long count) {}
