package org.reviewgateway.gateway.merchant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of PATCH /v1/settings, for the OpenAPI document: any subset; a field sent as null clears it
 * where it may be empty (replyTo, reminderDelay, invitationCooldown). Durations are ISO-8601 without months or years.
 */
@Serdeable
@Schema(name = "PatchSettingsRequest")
record PatchSettingsRequest(
        @Nullable @Schema(maxLength = 200) String shopName,
        @Nullable @Schema(maxLength = 200) String senderName,
        @Nullable @Schema(format = "email", nullable = true) String replyTo,
        @Nullable @Schema(example = "en") String defaultLocale,
        @Nullable @Schema(example = "P7D") String inviteDelay,
        @Nullable @Schema(example = "P7D", nullable = true) String reminderDelay,
        @Nullable @Schema(example = "P30D", nullable = true) String invitationCooldown,
        @Nullable @Schema(example = "P30D", description = "between P1D and RETENTION_MAX_PERIOD") String retention,
        @Nullable @Schema(example = "https://shop.example/", nullable = true, description = "an https URL; the pages link back to it") String shopUrl,
        @Nullable @Schema(example = "https://shop.example/privacy", nullable = true, description = "an https URL; the pages link to it") String privacyPolicyUrl,
        @Nullable @Schema(maxLength = 500, nullable = true, description = "the sender's legal notice, plain text; the built-in e-mails print it") String imprint) {
}
