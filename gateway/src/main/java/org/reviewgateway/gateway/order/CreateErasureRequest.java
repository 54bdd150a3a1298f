package org.reviewgateway.gateway.order;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of POST /v1/erasure-requests, for the OpenAPI document. */
@Serdeable
@Schema(name = "CreateErasureRequest")
record CreateErasureRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email") String email) {
}
