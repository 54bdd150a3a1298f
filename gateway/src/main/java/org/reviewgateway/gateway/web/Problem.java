package org.reviewgateway.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem body. Its texts are written by us, never copied from the input. */
@Serdeable
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    public record FieldError(String field, String message) {
    }
}
