package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
record TemplateResponse(String locale, int version, String subject, String text, @Nullable String html, Instant updatedAt) {

    static TemplateResponse of(Template t) {
        return new TemplateResponse(t.locale(), t.version(), t.subject(), t.textBody(), t.htmlBody(), t.updatedAt());
    }
}
