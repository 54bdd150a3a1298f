package org.reviewgateway.gateway.merchant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.reviewgateway.gateway.web.IsoDurations;

import java.time.Duration;

@Serdeable
public record SettingsResponse(
        String shopName,
        String senderName,
        @Nullable String replyTo,
        String defaultLocale,
        String inviteDelay,
        @Nullable String reminderDelay,
        @Nullable String invitationCooldown,
        String retention,
        @Nullable String shopUrl,
        @Nullable String privacyPolicyUrl,
        @Nullable String imprint) {

    static SettingsResponse of(Settings s) {
        return new SettingsResponse(s.shopName(), s.senderName(), s.replyTo(), s.defaultLocale(),
                IsoDurations.format(s.inviteDelay()), format(s.reminderDelay()),
                format(s.invitationCooldown()), IsoDurations.format(s.retention()), s.shopUrl(), s.privacyPolicyUrl(), s.imprint());
    }

    private static String format(Duration d) {
        return d == null ? null : IsoDurations.format(d);
    }
}
