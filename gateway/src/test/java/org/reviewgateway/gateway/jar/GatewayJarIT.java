package org.reviewgateway.gateway.jar;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewgateway.gateway.support.GatewayClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the packaged jar the way an operator does. */
class GatewayJarIT {

    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path workDir;

    @Test
    void startsWithNoConfigurationAndAnswersHealth() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(workDir, Map.of()).awaitHealthy()) {
            GatewayClient client = new GatewayClient(gateway.base(), json);
            assertEquals(200, client.get("/health", null).status());
            assertEquals(403, client.postJson("/admin/v1/merchants", "x", "{\"name\":\"x\"}").status(), "admin API off by default");
            assertTrue(Files.exists(workDir.resolve("data/pii.key")), "key generated into ./data");
            assertTrue(gateway.stdout().contains("GATEWAY_PII_KEY is not set"), "with a warning");
        }
    }

    @Test
    void acknowledgedOrdersSurviveKillDashNine() throws Exception {
        Map<String, String> env = Map.of("GATEWAY_ADMIN_TOKEN", GatewayClient.ADMIN_TOKEN, "GATEWAY_DATA_DIR", workDir.resolve("data").toString());
        List<String> acknowledged = new ArrayList<>();
        String key;
        try (GatewayProcess gateway = GatewayProcess.start(workDir, env).awaitHealthy()) {
            GatewayClient client = new GatewayClient(gateway.base(), json);
            key = client.newMerchant("Durable Shop").apiKey();
            for (int i = 0; i < 300; i++) {
                String id = "K-" + i;
                int status = client.postJson("/v1/orders", key, "{\"transactionId\":\"" + id
                        + "\",\"delivery\":\"delegated\",\"customer\":{\"email\":\"durable" + i + "@example.org\"}}").status();
                assertEquals(201, status);
                acknowledged.add(id);
            }
            gateway.kill();
            assertTrue(!SuiteLogPrivacyIT.TEST_ADDRESS.matcher(gateway.stdout()).find(), "no address in the gateway's log");
        }
        try (GatewayProcess restarted = GatewayProcess.start(workDir, env).awaitHealthy()) {
            GatewayClient client = new GatewayClient(restarted.base(), json);
            List<String> lost = acknowledged.stream().filter(id -> client.get("/v1/orders/" + id, key).status() != 200).toList();
            assertEquals(List.of(), lost, "acknowledged orders lost by kill -9");
        }
    }

    @Test
    void badPiiKeyStopsStartUpWithOneClearLine() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(workDir, Map.of("GATEWAY_PII_KEY", "dG9vLXNob3J0"))) {
            assertNotEquals(0, gateway.awaitExit());
            List<String> lines = gateway.stderr().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), () -> "stderr: " + lines);
            assertTrue(lines.get(0).contains("GATEWAY_PII_KEY"), lines.get(0));
            assertTrue(!gateway.stdout().contains("\tat "), "no stack trace");
        }
    }
}
