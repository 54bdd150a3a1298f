package org.reviewgateway.gateway.merchant;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/** A merchant's settings as the API describes them; null delays mean "off". */
public record Settings(
        String shopName,
        String senderName,
        @Nullable String replyTo,
        String defaultLocale,
        Duration inviteDelay,
        @Nullable Duration reminderDelay,
        @Nullable Duration invitationCooldown,
        Duration retention,
        @Nullable String shopUrl,
        @Nullable String privacyPolicyUrl,
        @Nullable String imprint) {

    static final Duration DEFAULT_INVITE_DELAY = Duration.ofDays(7);
    static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    static Settings defaultsFor(String merchantName) {
        return new Settings(merchantName, merchantName, null, "en", DEFAULT_INVITE_DELAY, null, null, DEFAULT_RETENTION, null, null, null);
    }
}
