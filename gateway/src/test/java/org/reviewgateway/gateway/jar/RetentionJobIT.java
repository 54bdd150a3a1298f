package org.reviewgateway.gateway.jar;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.Orders;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone retention job's jar against the gateway's embedded H2 file. */
class RetentionJobIT {

    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path workDir;

    private Map<String, String> env() {
        return Map.of("GATEWAY_ADMIN_TOKEN", GatewayClient.ADMIN_TOKEN, "GATEWAY_DATA_DIR", workDir.resolve("data").toString());
    }

    @Test
    void purgesTheGatewaysDatabaseWhileTheGatewayIsStopped() throws Exception {
        List<String> ids = List.of("J-1", "J-2", "J-3");
        String key;
        try (GatewayProcess gateway = GatewayProcess.start(workDir, env()).awaitHealthy()) {
            GatewayClient client = new GatewayClient(gateway.base(), json);
            key = client.newMerchant("Job Shop").apiKey();
            client.patchJson("/v1/settings", key, "{\"retention\":\"P1D\"}");
            for (String id : ids) {
                assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(id, id + "@example.org", null, null, Instant.now())).status());
            }
            client.postJson("/v1/orders", key, OrderBody.self("J-self").json());
        }
        String asOf = Instant.now().plus(Duration.ofDays(3)).toString();

        GatewayProcess dry = GatewayProcess.retentionJob(workDir, env(), "--once", "--dry-run", "--as-of", asOf);
        assertEquals(0, dry.awaitExit(), dry::toString);
        assertTrue(dry.stdout().startsWith("retention purge (dry run): would purge 3 personal-data rows in 1 batches"), dry.stdout());

        GatewayProcess real = GatewayProcess.retentionJob(workDir, env(), "--once", "--as-of", asOf);
        assertEquals(0, real.awaitExit());
        assertTrue(real.stdout().startsWith("retention purge: purged 3 personal-data rows in 1 batches"), real.stdout());
        assertEquals(1, real.stdout().lines().count(), "one summary line");

        GatewayProcess again = GatewayProcess.retentionJob(workDir, env(), "--once", "--as-of", asOf);
        assertEquals(0, again.awaitExit());
        assertTrue(again.stdout().contains("purged 0 personal-data rows"), again.stdout());

        try (GatewayProcess gateway = GatewayProcess.start(workDir, env()).awaitHealthy()) {
            GatewayClient client = new GatewayClient(gateway.base(), json);
            for (String id : ids) {
                assertEquals("purged", client.get("/v1/orders/" + id, key).json().get("personalData"), id);
            }
            assertEquals("none", client.get("/v1/orders/J-self", key).json().get("personalData"));
        }
    }

    /** README's rotation, step by step, on the real jars: new key with the old as previous, --rewrap, then the new key alone. */
    @Test
    void rewrapMovesEveryDataKeyToTheNewMasterKeySoTheOldOneCanGo() throws Exception {
        String oldKey = randomKey();
        String newKey = randomKey();
        Map<String, String> before = new java.util.HashMap<>(env());
        before.put("GATEWAY_PII_KEY", oldKey);
        String key;
        try (GatewayProcess gateway = GatewayProcess.start(workDir, before).awaitHealthy()) {
            GatewayClient client = new GatewayClient(gateway.base(), json);
            key = client.newMerchant("Rotating Job Shop").apiKey();
            client.newMerchant("Second Rotating Shop");
            assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated("R-1", "rotate@example.org", null, null, null)).status());
        }
        Map<String, String> rotating = new java.util.HashMap<>(env());
        rotating.put("GATEWAY_PII_KEY", newKey);
        rotating.put("GATEWAY_PII_PREVIOUS_KEYS", oldKey);

        GatewayProcess rewrap = GatewayProcess.retentionJob(workDir, rotating, "--rewrap");
        assertEquals(0, rewrap.awaitExit(), rewrap::toString);
        assertTrue(rewrap.stdout().startsWith("retention-job: rewrapped 2 data keys under master key "), rewrap.stdout());
        assertTrue(rewrap.stdout().contains("GATEWAY_PII_PREVIOUS_KEYS is no longer needed"), rewrap.stdout());
        assertFalse(rewrap.stdout().contains(oldKey) || rewrap.stdout().contains(newKey) || rewrap.stderr().contains(newKey), "counts only");

        Map<String, String> after = new java.util.HashMap<>(env());
        after.put("GATEWAY_PII_KEY", newKey);
        try (GatewayProcess gateway = GatewayProcess.start(workDir, after).awaitHealthy()) {
            Map<String, Object> order = new GatewayClient(gateway.base(), json).get("/v1/orders/R-1", key).json();
            assertEquals("scheduled", order.get("status"), "readable with the new key alone");
        }
        Map<String, String> wrong = new java.util.HashMap<>(env());
        wrong.put("GATEWAY_PII_KEY", randomKey());
        GatewayProcess refused = GatewayProcess.retentionJob(workDir, wrong, "--rewrap");
        assertEquals(1, refused.awaitExit(), refused::toString);
        assertTrue(refused.stderr().contains("nothing was re-wrapped"), refused.stderr());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    @Test
    void refusesClearlyWhileTheGatewayHoldsTheEmbeddedDatabase() throws Exception {
        try (GatewayProcess ignored = GatewayProcess.start(workDir, env()).awaitHealthy()) {
            GatewayProcess job = GatewayProcess.retentionJob(workDir, env(), "--once");
            assertNotEquals(0, job.awaitExit());
            List<String> lines = job.stderr().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), () -> "stderr: " + lines);
            assertTrue(lines.get(0).contains("stop the gateway first"), lines.get(0));
        }
    }

    @Test
    void unreachableDatabaseEndsWithOneClearLine() throws Exception {
        GatewayProcess job = GatewayProcess.retentionJob(workDir,
                Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:1/reviews", "DATASOURCES_DEFAULT_USERNAME", "x",
                        "DATASOURCES_DEFAULT_PASSWORD", "secret-password"), "--once");
        assertNotEquals(0, job.awaitExit());
        List<String> lines = job.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), () -> "stderr: " + lines);
        assertTrue(lines.get(0).startsWith("retention-job: cannot reach the database (jdbc:postgresql://127.0.0.1:1/reviews)"), lines.get(0));
        assertTrue(!job.stderr().contains("secret-password") && !job.stdout().contains("secret-password"));
    }
}
