package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The optional body of POST /v1/templates/{locale}/preview, for the OpenAPI document. */
@Serdeable
@Schema(name = "PreviewTemplateRequest")
record PreviewTemplateRequest(@Nullable @Schema(maxLength = 100) String customerName) {
}
