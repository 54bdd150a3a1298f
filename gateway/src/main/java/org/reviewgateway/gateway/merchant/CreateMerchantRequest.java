package org.reviewgateway.gateway.merchant;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of POST /admin/v1/merchants, for the OpenAPI document. */
@Serdeable
@Schema(name = "CreateMerchantRequest")
record CreateMerchantRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "Acme Shop") String name) {
}
