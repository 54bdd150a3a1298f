package org.reviewgateway.gateway.template;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of POST /v1/templates/{locale}/test-send, for the OpenAPI document; the address is not stored. */
@Serdeable
@Schema(name = "TestSendRequest")
record TestSendRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email") String email) {
}
