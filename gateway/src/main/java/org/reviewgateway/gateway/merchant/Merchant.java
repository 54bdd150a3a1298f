package org.reviewgateway.gateway.merchant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A shop (or an agency's shop) with its API key hash and its settings; durations in seconds. */
@MappedEntity("merchants")
public record Merchant(
        @Id UUID id,
        String name,
        String apiKeyPrefix,
        byte[] apiKeyHash,
        String shopName,
        String senderName,
        @Nullable String replyTo,
        String defaultLocale,
        long inviteDelaySeconds,
        @Nullable Long reminderDelaySeconds,
        @Nullable Long invitationCooldownSeconds,
        long retentionSeconds,
        @Nullable String shopUrl,
        @Nullable String privacyPolicyUrl,
        @Nullable String imprint,
        Instant createdAt,
        Instant updatedAt) {

    public Duration inviteDelay() {
        return Duration.ofSeconds(inviteDelaySeconds);
    }

    @Nullable
    public Duration reminderDelay() {
        return duration(reminderDelaySeconds);
    }

    @Nullable
    public Duration invitationCooldown() {
        return duration(invitationCooldownSeconds);
    }

    public Duration retention() {
        return Duration.ofSeconds(retentionSeconds);
    }

    /** What the customer pages say of the sender: its name, and links back to the shop and its privacy policy (false: none). */
    public Map<String, Object> shopContext() {
        return Map.of("shopName", shopName, "shopUrl", shopUrl == null ? false : shopUrl,
                "privacyPolicyUrl", privacyPolicyUrl == null ? false : privacyPolicyUrl);
    }

    /** The shop context of a merchant gone meanwhile (offboarded between two reads). */
    public static Map<String, Object> unknownShopContext() {
        return Map.of("shopName", "", "shopUrl", false, "privacyPolicyUrl", false);
    }

    Merchant withApiKey(ApiKey key, Instant now) {
        return new Merchant(id, name, key.prefix(), key.hash(), shopName, senderName, replyTo, defaultLocale,
                inviteDelaySeconds, reminderDelaySeconds, invitationCooldownSeconds, retentionSeconds, shopUrl, privacyPolicyUrl, imprint,
                createdAt, now);
    }

    Merchant withSettings(Settings s, Instant now) {
        return new Merchant(id, name, apiKeyPrefix, apiKeyHash, s.shopName(), s.senderName(), s.replyTo(),
                s.defaultLocale(), s.inviteDelay().toSeconds(), seconds(s.reminderDelay()),
                seconds(s.invitationCooldown()), s.retention().toSeconds(), s.shopUrl(), s.privacyPolicyUrl(), s.imprint(), createdAt, now);
    }

    Settings settings() {
        return new Settings(shopName, senderName, replyTo, defaultLocale, inviteDelay(),
                reminderDelay(), invitationCooldown(), retention(), shopUrl, privacyPolicyUrl, imprint);
    }

    private static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    private static Duration duration(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }
}
