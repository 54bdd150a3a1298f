package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of PUT /v1/templates/{locale}, for the OpenAPI document. */
@Serdeable
@Schema(name = "PutTemplateRequest", description = "Mustache with the placeholders shopName, customerName, reviewLink, "
        + "unsubscribeLink, transactionId; no sections, partials or unescaped output.")
record PutTemplateRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 300, description = "one line") String subject,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100_000, description = "must contain {{reviewLink}} and {{unsubscribeLink}}") String text,
        @Nullable @Schema(maxLength = 200_000, description = "must contain {{reviewLink}} when given") String html) {
}
