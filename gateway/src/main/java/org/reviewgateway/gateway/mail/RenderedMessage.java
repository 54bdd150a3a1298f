package org.reviewgateway.gateway.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A template filled in: what the customer reads. */
@Serdeable
public record RenderedMessage(String subject, String text, @Nullable String html) {
}
