package org.reviewgateway.gateway.webhook;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The body of POST /v1/webhooks, for the OpenAPI document. */
@Serdeable
@Schema(name = "CreateWebhookRequest")
record CreateWebhookRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = WebhookTargets.MAX_URL_LENGTH, example = "https://shop.example/hooks/reviews",
                description = "https; no user info; not a loopback, private, link-local or unique-local address "
                        + "(unless WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true, which allows http too)") String url,
        @ArraySchema(minItems = 1, uniqueItems = true, schema = @Schema(allowableValues = {"invitation.sent", "invitation.failed",
                "review.created", "recipient.unsubscribed", "personal_data.purged"})) List<String> events) {
}
