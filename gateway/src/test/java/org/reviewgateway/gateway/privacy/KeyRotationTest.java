package org.reviewgateway.gateway.privacy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.ops.ConfigurationValidationTest;
import org.reviewgateway.gateway.rekey.KeySchemeMove;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.retention.DataKeyRewrap;
import org.reviewgateway.retention.DataKeyWrapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new master key in GATEWAY_PII_KEY with the old one in GATEWAY_PII_PREVIOUS_KEYS: every data key wrapped by the
 * old one still opens, new ones are wrapped by the new one. On the embedded default only (a database of its own).
 */
@DisabledIf("org.reviewgateway.gateway.support.PostgresSession#active")
class KeyRotationTest {

    @TempDir
    Path dataDir;

    @Test
    void dataKeysWrappedByThePreviousMasterKeyStillOpenAndAfterTheRewrapTheOldKeyIsNotNeeded() throws Exception {
        UUID merchantId;
        byte[] sealed;
        try (ApplicationContext before = start(Map.of("gateway.pii-key", key(1)))) {
            merchantId = before.getBean(MerchantAccounts.class).create("Rotating Shop").merchant().id();
            sealed = before.getBean(PiiCipher.class).encrypt(merchantId, "sealed before the rotation");
        }
        ConfigurationValidationTest.assertStartUpFailsMentioning(dataDir, Map.of("gateway.pii-key", key(2)), "GATEWAY_PII_PREVIOUS_KEYS");

        try (ApplicationContext after = start(Map.of("gateway.pii-key", key(2), "gateway.pii-previous-keys", key(3) + "," + key(1)))) {
            assertEquals("sealed before the rotation", after.getBean(PiiCipher.class).decrypt(merchantId, sealed));
            UUID newMerchant = after.getBean(MerchantAccounts.class).create("Shop After Rotation").merchant().id();
            PiiCipher cipher = after.getBean(PiiCipher.class);
            assertEquals("new", cipher.decrypt(newMerchant, cipher.encrypt(newMerchant, "new")));
            assertEquals(DataKeyWrapping.masterKeyId(Base64.getDecoder().decode(key(2))), after.getBean(PiiKeys.class).keyId(),
                    "new data keys are wrapped by GATEWAY_PII_KEY");

            DataKeyRewrap.Report report = after.getBean(DataKeyRewrap.class).rewrap();
            assertEquals(1, report.rewrapped(), report::summary);
            assertEquals(1, report.alreadyCurrent(), report::summary);
            assertFalse(report.previousKeysStillNeeded(), report::summary);
        }
        try (ApplicationContext rewrapped = start(Map.of("gateway.pii-key", key(2)))) {
            assertEquals("sealed before the rotation", rewrapped.getBean(PiiCipher.class).decrypt(merchantId, sealed),
                    "after the rewrap the previous key is no longer needed");
        }
        ConfigurationValidationTest.assertStartUpFailsMentioning(dataDir, Map.of("gateway.pii-key", key(1)), "GATEWAY_PII_KEY");
    }

    @Test
    void aMerchantOfTheMasterKeySchemeKeepsThePreviousKeyNeededUntilItIsMoved() throws Exception {
        GatewayClient.Merchant merchant;
        try (EmbeddedServer before = server(Map.of("gateway.pii-key", key(1)))) {
            GatewayClient client = new GatewayClient(before, before.getApplicationContext().getBean(JsonMapper.class));
            merchant = client.newMerchant("Old Scheme Shop");
            Db.update(before.getApplicationContext().getBean(DataSource.class),
                    "UPDATE data_keys SET wrapped_key = NULL, master_key_id = NULL WHERE merchant_id = ?", UUID.fromString(merchant.id()));
            assertEquals(201, client.postJson("/v1/orders", merchant.apiKey(), Orders.delegated("OLD-1", "old.scheme@example.org", null, null, null)).status());
        }
        try (EmbeddedServer after = server(Map.of("gateway.pii-key", key(2), "gateway.pii-previous-keys", key(1)))) {
            ApplicationContext context = after.getApplicationContext();
            DataKeyRewrap.Report report = context.getBean(DataKeyRewrap.class).rewrap();
            assertTrue(report.previousKeysStillNeeded(), report::summary);
            assertTrue(report.summary().contains("keep GATEWAY_PII_PREVIOUS_KEYS"), report::summary);

            context.getBean(KeySchemeMove.class).run();
            context.getBean(MutableClock.class).advance(Duration.ofMinutes(1));
            context.getBean(KeySchemeMove.class).run();
            DataKeyRewrap.Report moved = context.getBean(DataKeyRewrap.class).rewrap();
            assertFalse(moved.previousKeysStillNeeded(), moved::summary);
        }
        try (EmbeddedServer rewrapped = server(Map.of("gateway.pii-key", key(2)))) {
            GatewayClient client = new GatewayClient(rewrapped, rewrapped.getApplicationContext().getBean(JsonMapper.class));
            assertEquals("scheduled", Orders.status(client, merchant.apiKey(), "OLD-1"), "moved, rewrapped: the old key is not needed");
            byte[] sealed = Db.bytes(rewrapped.getApplicationContext().getBean(DataSource.class), "SELECT email_cipher FROM recipients r "
                    + "JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = 'OLD-1'").get(0);
            assertEquals("old.scheme@example.org", rewrapped.getApplicationContext().getBean(PiiCipher.class).decrypt(UUID.fromString(merchant.id()), sealed));
        }
    }

    /** A running data set: an invitation planned and an opt-out made before the rotation, both honoured after it and after the rewrap. */
    @Test
    void invitationsPlannedAndOptOutsMadeBeforeTheRotationHoldAfterIt() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String invited = "rotation.invited." + tag + "@example.org";
        String optedOut = "rotation.optout." + tag + "@example.org";
        String planned = "ROT-" + tag;
        GatewayClient.Merchant merchant;
        try (EmbeddedServer before = server(Map.of("gateway.pii-key", key(1)))) {
            GatewayClient client = new GatewayClient(before, before.getApplicationContext().getBean(JsonMapper.class));
            merchant = client.newMerchant("Rotation Shop");
            Instant tomorrow = before.getApplicationContext().getBean(MutableClock.class).instant().plus(Duration.ofDays(1));
            assertEquals(201, client.postJson("/v1/orders", merchant.apiKey(), Orders.delegated(planned, invited, "Kim", null, tomorrow)).status());
            String first = "ROT-OUT-" + tag;
            assertEquals(201, client.postJson("/v1/orders", merchant.apiKey(), Orders.delegated(first, optedOut, null, null, tomorrow)).status());
            long orderId = Db.count(before.getApplicationContext().getBean(DataSource.class), "SELECT id FROM orders WHERE transaction_id = ?", first);
            String token = before.getApplicationContext().getBean(UnsubscribeTokens.class).forOrder(UUID.fromString(merchant.id()), orderId);
            assertEquals(200, client.send("POST", "/u/" + token, null, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status());
        }

        Map<String, Object> rotated = new HashMap<>(Map.of("gateway.pii-key", key(2), "gateway.pii-previous-keys", key(1),
                "dispatch.enabled", true, "dispatch.poll-interval", "PT0.2S"));
        try (EmbeddedServer after = server(rotated)) {
            GatewayClient client = new GatewayClient(after, after.getApplicationContext().getBean(JsonMapper.class));
            after.getApplicationContext().getBean(MutableClock.class).advance(Duration.ofDays(2));
            await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(Orders.status(client, merchant.apiKey(), planned)));
            try (var mails = Files.walk(dataDir.resolve("mail"))) {
                assertTrue(mails.filter(f -> f.toString().endsWith(".eml")).anyMatch(f -> contains(f, invited)),
                        "the invitation planned before the rotation went out, its address opened with the old key's data key");
            }
            assertEquals("suppressed", statusOfANewOrderTo(client, merchant, optedOut), "the opt-out made before the rotation holds");
            assertFalse(after.getApplicationContext().getBean(DataKeyRewrap.class).rewrap().previousKeysStillNeeded());
        }
        try (EmbeddedServer rewrapped = server(Map.of("gateway.pii-key", key(2)))) {
            GatewayClient client = new GatewayClient(rewrapped, rewrapped.getApplicationContext().getBean(JsonMapper.class));
            assertEquals("suppressed", statusOfANewOrderTo(client, merchant, optedOut), "and after the rewrap, without the old key");
            assertEquals(200, client.get("/v1/orders/" + planned, merchant.apiKey()).status());
        }
    }

    private static String statusOfANewOrderTo(GatewayClient client, GatewayClient.Merchant merchant, String email) {
        String id = "ROT-NEW-" + UUID.randomUUID();
        client.postJson("/v1/orders", merchant.apiKey(), Orders.delegated(id, email, null, null, null));
        return Orders.status(client, merchant.apiKey(), id);
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private EmbeddedServer server(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(Map.of("gateway.data-dir", dataDir.toString(), "micronaut.server.port", -1));
        all.putAll(properties);
        return ApplicationContext.run(EmbeddedServer.class, all, Environment.TEST);
    }

    @Test
    void aTruncatedPreviousKeyStopsStartUpNamingItsVariable() {
        start(Map.of("gateway.pii-key", key(1))).close();
        ConfigurationValidationTest.assertStartUpFailsMentioning(dataDir,
                Map.of("gateway.pii-key", key(1), "gateway.pii-previous-keys", key(2).substring(0, 20)), "GATEWAY_PII_PREVIOUS_KEYS");
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    private ApplicationContext start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(Map.of("gateway.data-dir", dataDir.toString(), "micronaut.server.port", -1));
        all.putAll(properties);
        return ApplicationContext.run(all, Environment.TEST);
    }
}
