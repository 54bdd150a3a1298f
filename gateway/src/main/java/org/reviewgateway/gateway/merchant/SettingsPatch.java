package org.reviewgateway.gateway.merchant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import org.reviewgateway.config.RetentionConfiguration;
import org.reviewgateway.gateway.web.IsoDurations;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.LanguageTags;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** Applies a PATCH body (any subset of the settings; null turns an optional delay off) to settings. */
final class SettingsPatch {

    static final Duration MAX_DELAY = Duration.ofDays(365);
    private static final int MAX_NAME = 200;
    private static final int MAX_URL = 2048;
    static final int MAX_IMPRINT = 500;

    private SettingsPatch() {
    }

    static Settings apply(Settings current, JsonNode body, Duration maxRetention) {
        JsonFields fields = JsonFields.of(body);
        Settings patched = new Settings(
                name(fields, "shopName", current.shopName()),
                name(fields, "senderName", current.senderName()),
                replyTo(fields, current.replyTo()),
                defaultLocale(fields, current.defaultLocale()),
                requiredDuration(fields, "inviteDelay", current.inviteDelay(), Duration.ZERO, MAX_DELAY),
                optionalDuration(fields, "reminderDelay", current.reminderDelay(), Duration.ZERO, MAX_DELAY),
                optionalDuration(fields, "invitationCooldown", current.invitationCooldown(), Duration.ZERO, MAX_DELAY),
                requiredDuration(fields, "retention", current.retention(), RetentionConfiguration.MIN_PERIOD, maxRetention),
                httpsUrl(fields, "shopUrl", current.shopUrl()),
                httpsUrl(fields, "privacyPolicyUrl", current.privacyPolicyUrl()),
                imprint(fields, current.imprint()));
        fields.throwIfInvalid();
        return patched;
    }

    private static String name(JsonFields fields, String field, String current) {
        if (!fields.has(field)) {
            return current;
        }
        String value = fields.requiredLine(field, MAX_NAME);
        return value == null ? current : value.trim();
    }

    private static String replyTo(JsonFields fields, String current) {
        if (!fields.has("replyTo")) {
            return current;
        }
        return fields.hasValue("replyTo") ? fields.requiredEmail("replyTo") : null;
    }

    @Nullable
    private static String httpsUrl(JsonFields fields, String field, @Nullable String current) {
        if (!fields.has(field)) {
            return current;
        }
        if (!fields.hasValue(field)) {
            return null;
        }
        String value = fields.requiredLine(field, MAX_URL);
        if (value == null) {
            return current;
        }
        try {
            URI uri = new URI(value.trim());
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null) {
                return uri.toString();
            }
        } catch (URISyntaxException notAUri) {
            // rejected below
        }
        fields.reject(field, "must be an https URL such as https://shop.example/");
        return current;
    }

    /** The sender's legal notice: plain text, line breaks allowed, nothing else invisible. */
    @Nullable
    private static String imprint(JsonFields fields, @Nullable String current) {
        if (!fields.has("imprint")) {
            return current;
        }
        if (!fields.hasValue("imprint")) {
            return null;
        }
        String value = fields.requiredText("imprint", MAX_IMPRINT);
        if (value == null) {
            return current;
        }
        String imprint = value.strip().replace("\r\n", "\n");
        if (imprint.codePoints().anyMatch(c -> c != '\n' && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT))) {
            fields.reject("imprint", "must be plain text: line breaks are allowed, other control or invisible characters are not");
            return current;
        }
        return imprint;
    }

    private static String defaultLocale(JsonFields fields, String current) {
        if (!fields.has("defaultLocale")) {
            return current;
        }
        String value = fields.requiredText("defaultLocale", 35);
        if (value == null) {
            return current;
        }
        return LanguageTags.canonical(value).orElseGet(() -> {
            fields.reject("defaultLocale", "must be a language tag such as en or de-DE");
            return current;
        });
    }

    private static Duration requiredDuration(JsonFields fields, String field, Duration current, Duration min, Duration max) {
        if (!fields.has(field)) {
            return current;
        }
        if (!fields.hasValue(field)) {
            fields.reject(field, "must not be null");
            return current;
        }
        return duration(fields, field, min, max, current);
    }

    private static Duration optionalDuration(JsonFields fields, String field, Duration current, Duration min, Duration max) {
        if (!fields.has(field)) {
            return current;
        }
        return fields.hasValue(field) ? duration(fields, field, min, max, current) : null;
    }

    private static Duration duration(JsonFields fields, String field, Duration min, Duration max, Duration fallback) {
        JsonNode node = fields.node(field);
        if (!node.isString()) {
            fields.reject(field, "must be an ISO-8601 duration such as P7D or PT12H");
            return fallback;
        }
        return IsoDurations.parse(node.getStringValue())
                .map(d -> {
                    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                        fields.reject(field, "must lie between " + IsoDurations.format(min) + " and " + IsoDurations.format(max));
                        return fallback;
                    }
                    return d;
                })
                .orElseGet(() -> {
                    fields.reject(field, "must be an ISO-8601 duration such as P7D or PT12H");
                    return fallback;
                });
    }
}
