package org.reviewgateway.gateway.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the gateway did with one shop webhook. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record HookAnswer(
        @Schema(allowableValues = {"created", "exists", "cancelled", "erased", "ignored"}) String result,
        @Nullable @Schema(allowableValues = {"topic", "trigger", "no_address"}, description = "why it was ignored") String reason,
        @Nullable @Schema(description = "the order's transactionId; absent for shop-wide topics") String transactionId) {

    static HookAnswer created(String transactionId) {
        return new HookAnswer("created", null, transactionId);
    }

    static HookAnswer exists(String transactionId) {
        return new HookAnswer("exists", null, transactionId);
    }

    static HookAnswer cancelled(String transactionId) {
        return new HookAnswer("cancelled", null, transactionId);
    }

    static HookAnswer erased(@Nullable String transactionId) {
        return new HookAnswer("erased", null, transactionId);
    }

    static HookAnswer ignored(String reason, @Nullable String transactionId) {
        return new HookAnswer("ignored", reason, transactionId);
    }
}
