package org.reviewgateway.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
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

    /** A problem defined by its status alone ({@code about:blank}), with our own detail text. */
    public static Problem of(HttpStatus status, String detail) {
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, null);
    }

    @Serdeable
    public record FieldError(String field, String message) {
    }
}
