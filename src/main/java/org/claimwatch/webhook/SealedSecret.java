package org.claimwatch.webhook;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

/** Stores a subscription's secrets sealed ({@link SecretBox}) and reads them open. */
@Singleton
class SealedSecret implements AttributeConverter<String, String> {
  private final SecretBox box;

  SealedSecret(SecretBox box) {
    this.box = box;
  }

  @Override
  public String convertToPersistedValue(String secret, ConversionContext context) {
    return box.seal(secret);
  }

  @Override
  public String convertToEntityValue(String stored, ConversionContext context) {
    return box.open(stored);
  }
}
