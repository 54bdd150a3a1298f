package org.reviewgateway.gateway.ops;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ConfigurationValidationTest {

    @TempDir
    Path dataDir;

    @Test
    void piiKeyOfWrongLengthStopsStartUpNamingTheVariable() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
        assertStartUpFailsMentioning(dataDir, Map.of("gateway.pii-key", sixteenBytes), "GATEWAY_PII_KEY");
    }

    @Test
    void piiKeyThatIsNotBase64StopsStartUp() {
        assertStartUpFailsMentioning(dataDir, Map.of("gateway.pii-key", "not base64 at all!"), "GATEWAY_PII_KEY");
    }

    @Test
    void retentionMaximumBelowOneDayStopsStartUp() {
        assertStartUpFailsMentioning(dataDir, Map.of("retention.max-period", "PT12H"), "RETENTION_MAX_PERIOD");
    }

    @Test
    void negativeRateLimitStopsStartUp() {
        assertStartUpFailsMentioning(dataDir, Map.of("gateway.rate-limit", "-1"), "GATEWAY_RATE_LIMIT");
    }

    @Test
    void dispatchConnectionsOutOfRangeStopStartUp() {
        assertStartUpFailsMentioning(dataDir, Map.of("dispatch.connections", "0"), "DISPATCH_CONNECTIONS");
        assertStartUpFailsMentioning(dataDir, Map.of("dispatch.connections", "17"), "DISPATCH_CONNECTIONS");
    }

    @Test
    void impossibleWebhookSettingsStopStartUp() {
        assertStartUpFailsMentioning(dataDir, Map.of("webhooks.lease", "PT10S"), "WEBHOOKS_LEASE");
        assertStartUpFailsMentioning(dataDir, Map.of("webhooks.retry-initial", "PT2H"), "WEBHOOKS_RETRY_MAX");
        assertStartUpFailsMentioning(dataDir, Map.of("webhooks.give-up-after", "PT0S"), "WEBHOOKS_GIVE_UP_AFTER");
    }

    @Test
    void aMissingShortOrHalfConfiguredDkimKeyStopsStartUpNamingTheVariable() {
        Path keys = Path.of("src/test/resources/dkim").toAbsolutePath();
        Map<String, Object> dkim = Map.of("mail.dkim.domain", "shop.example", "mail.dkim.selector", "rig2026");
        assertStartUpFailsMentioning(dataDir, with(dkim, "mail.dkim.key", keys.resolve("missing.pem").toString()), "MAIL_DKIM_KEY cannot be read");
        assertStartUpFailsMentioning(dataDir, with(dkim, "mail.dkim.key", keys.resolve("weak-key.pem").toString()), "at least 2048 bits");
        assertStartUpFailsMentioning(dataDir, with(dkim, "mail.dkim.key", keys.resolve("test-key.public.b64").toString()), "PKCS#8 PEM");
        assertStartUpFailsMentioning(dataDir, dkim, "MAIL_DKIM_KEY go together");
        assertStartUpFailsMentioning(dataDir, Map.of("mail.dkim.domain", "not a domain", "mail.dkim.selector", "rig2026",
                "mail.dkim.key", keys.resolve("test-key.pem").toString()), "MAIL_DKIM_DOMAIN");
    }

    private static Map<String, Object> with(Map<String, Object> properties, String name, Object value) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put(name, value);
        return all;
    }

    public static void assertStartUpFailsMentioning(Path dataDir, Map<String, Object> properties, String expected) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("gateway.data-dir", dataDir.toString());
        all.put("micronaut.server.port", -1);
        Exception failure = assertThrows(Exception.class, () -> {
            try (ApplicationContext ignored = ApplicationContext.run(all, Environment.TEST)) {
                // start-up must fail
            }
        });
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(expected), messages::toString);
    }
}
