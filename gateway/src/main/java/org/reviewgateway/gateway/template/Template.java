package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A merchant's invitation template for one locale; the version counts the PUTs. */
@MappedEntity("templates")
public record Template(
        @Id @GeneratedValue @Nullable Long id,
        UUID merchantId,
        String locale,
        int version,
        String subject,
        String textBody,
        @Nullable String htmlBody,
        Instant updatedAt) {

    TemplateContent content() {
        return new TemplateContent(subject, textBody, htmlBody);
    }
}
