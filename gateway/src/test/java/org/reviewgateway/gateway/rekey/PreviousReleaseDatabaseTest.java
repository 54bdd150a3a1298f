package org.reviewgateway.gateway.rekey;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.privacy.PiiKeys;
import org.reviewgateway.gateway.privacy.UnsubscribeTokens;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.retention.DataKeyWrapping;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database as the release before data keys left it (migrated to V18, rows sealed and hashed under the master key,
 * an opt-out and a mailed unsubscribe link among them) is upgraded and moved while the gateway serves: the planned
 * invitation keeps its review link, the opt-out and the mailed link still hold. On the embedded default only.
 */
@DisabledIf("org.reviewgateway.gateway.support.PostgresSession#active")
class PreviousReleaseDatabaseTest {

    @TempDir
    Path dataDir;

    private final byte[] master = new byte[32];

    private byte[] masterHmac(String purpose, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(DataKeyWrapping.derive(master, purpose), "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDatabaseOfTheReleaseBeforeDataKeysIsMovedWithEveryOptOutAndLinkKept() throws Exception {
        Arrays.fill(master, (byte) 7);
        String masterKey = Base64.getEncoder().encodeToString(master);
        String url = "jdbc:h2:file:" + dataDir + "/gateway;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("18").load().migrate();

        UUID merchant = UUID.randomUUID();
        String invited = "previous.release@example.org";
        String optedOut = "previous.optout@example.org";
        String reviewToken = "previous-release-review-token";
        String mailedLinkToken = "previous-release-mailed-link";
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp later = Timestamp.from(Instant.now().plus(Duration.ofDays(30)));
        byte[] optedOutHash = masterHmac("address-hmac-v1", optedOut);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            update(c, "INSERT INTO pii_key_fingerprints (purpose, fingerprint, recorded_at) VALUES ('master', ?, ?)",
                    DataKeyWrapping.fingerprint(master), now);
            update(c, """
                    INSERT INTO merchants (id, name, api_key_prefix, api_key_hash, shop_name, sender_name, default_locale,
                                           invite_delay_seconds, retention_seconds, created_at, updated_at)
                    VALUES (?, 'Previous Shop', 'rig_0123456789ab', X'00', 'Previous Shop', 'Previous Shop', 'en', 0, 2592000, ?, ?)""",
                    merchant, now, now);
            update(c, """
                    INSERT INTO orders (merchant_id, transaction_id, delivery, status, personal_data, review_token_hash, review_token_sealed,
                                        request_digest, send_at, created_at, updated_at)
                    VALUES (?, 'PREV-1', 'delegated', 'scheduled', 'held', ?, ?, X'00', ?, ?, ?)""",
                    merchant, sha256(reviewToken), PiiCipher.sealOffline(PiiKeys.offline(masterKey), reviewToken), later, now, now);
            long orderId;
            try (var rs = c.createStatement().executeQuery("SELECT id FROM orders WHERE transaction_id = 'PREV-1'")) {
                rs.next();
                orderId = rs.getLong(1);
            }
            update(c, """
                    INSERT INTO recipients (order_id, merchant_id, key_id, email_cipher, email_hash, customer_digest, purge_after, created_at,
                                            unsubscribe_token_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    orderId, merchant, DataKeyWrapping.masterKeyId(master), PiiCipher.sealOffline(PiiKeys.offline(masterKey), invited),
                    masterHmac("address-hmac-v1", invited), masterHmac("address-hmac-v1", invited + "\n"), later, now, sha256("x"));
            update(c, """
                    INSERT INTO deliveries (order_id, merchant_id, kind, status, due_at, next_attempt_at, attempts, created_at, updated_at)
                    VALUES (?, ?, 'invite', 'pending', ?, ?, 0, ?, ?)""", orderId, merchant, later, later, now, now);
            update(c, "INSERT INTO suppressions (merchant_id, email_hash, reason, created_at) VALUES (?, ?, 'unsubscribe', ?)",
                    merchant, optedOutHash, now);
            update(c, "INSERT INTO opt_out_links (token_hash, merchant_id, email_hash, expires_at) VALUES (?, ?, ?, ?)",
                    sha256(mailedLinkToken), merchant, optedOutHash, later);
        }

        Map<String, Object> properties = new HashMap<>(Map.of("gateway.data-dir", dataDir.toString(), "micronaut.server.port", -1,
                "gateway.pii-key", masterKey));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, Environment.TEST)) {
            ApplicationContext context = server.getApplicationContext();
            GatewayClient client = new GatewayClient(server, context.getBean(JsonMapper.class));
            Reply rotated = client.send("POST", "/admin/v1/merchants/" + merchant + "/api-keys", GatewayClient.ADMIN_TOKEN, null, null);
            String key = (String) rotated.json().get("apiKey");
            assertEquals("scheduled", Orders.status(client, key, "PREV-1"), "the upgraded database serves before the move");

            KeySchemeMove move = context.getBean(KeySchemeMove.class);
            move.run();
            context.getBean(MutableClock.class).advance(Duration.ofMinutes(1));
            move.run();

            DataSource dataSource = context.getBean(DataSource.class);
            assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM data_keys WHERE merchant_id = ? AND migrated_at IS NOT NULL", merchant));
            byte[] sealed = Db.bytes(dataSource, "SELECT email_cipher FROM recipients WHERE merchant_id = ?", merchant).get(0);
            assertEquals(invited, context.getBean(PiiCipher.class).decrypt(merchant, sealed));
            assertArrayEquals(context.getBean(PiiCipher.class).addressHash(merchant, invited),
                    Db.bytes(dataSource, "SELECT email_hash FROM recipients WHERE merchant_id = ?", merchant).get(0));
            assertTrue(((String) client.get("/v1/orders/PREV-1", key).json().get("reviewLink")).endsWith("/r/" + reviewToken),
                    "the review link the customer may already have is the same");
            assertEquals(200, client.get("/r/" + reviewToken, null).status());

            String id = "PREV-NEW-1";
            client.postJson("/v1/orders", key, Orders.delegated(id, optedOut, null, null, null));
            assertEquals("suppressed", Orders.status(client, key, id), "the opt-out of the previous release holds");
            assertEquals(200, client.get("/u/" + mailedLinkToken, null).status(), "a link mailed by the previous release works");
            long orderId = Db.count(dataSource, "SELECT id FROM orders WHERE transaction_id = 'PREV-1'");
            assertEquals(200, client.get("/u/" + context.getBean(UnsubscribeTokens.class).forOrder(merchant, orderId), null).status(),
                    "the link the planned invitation will carry is recorded");
        }
    }

    private static void update(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
