package org.claimwatch.extract;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What a text holds: its language and the candidate claims in it, in the order they stand. */
@Serdeable
public record Extraction(String language, List<Candidate> candidates) {}
