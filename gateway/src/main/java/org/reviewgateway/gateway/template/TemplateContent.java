package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;

/** Subject, plain text and optional HTML of a template, before rendering. */
public record TemplateContent(String subject, String text, @Nullable String html) {
}
