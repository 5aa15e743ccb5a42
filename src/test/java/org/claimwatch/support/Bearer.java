package org.claimwatch.support;

import io.micronaut.core.bind.annotation.Bindable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of a typed client method ({@link ClaimsApi} and its siblings) that holds the
 * caller's API token: {@link BearerBinder} sends it as {@code Authorization: Bearer <token>}. Mark
 * it {@code @Nullable} too, so a test can call without a token (a 401).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Bindable
public @interface Bearer {}
