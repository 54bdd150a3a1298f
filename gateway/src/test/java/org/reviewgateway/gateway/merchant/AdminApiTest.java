package org.reviewgateway.gateway.merchant;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.GatewayClient.ADMIN_TOKEN;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest
class AdminApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    GatewayClient client;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
    }

    @Test
    void createMerchantShowsKeyOnceAndStoresOnlyItsHash() throws Exception {
        Reply reply = client.postJson("/admin/v1/merchants", ADMIN_TOKEN, "{\"name\":\"Acme Shop\"}");

        assertEquals(201, reply.status(), reply::toString);
        Map<String, Object> body = reply.json();
        assertEquals("Acme Shop", body.get("name"));
        UUID id = UUID.fromString((String) body.get("merchantId"));
        String key = (String) body.get("apiKey");
        assertTrue(key.matches("rig_[0-9a-f]{12}_[A-Za-z0-9_-]{43}"), key);

        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM merchants WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                    Object value = rs.getObject(col);
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
                    assertFalse(text.contains(key.substring(17)), "key secret stored in clear in " + rs.getMetaData().getColumnName(col));
                }
            }
        }
        assertEquals(200, client.get("/v1/settings", key).status());
    }

    @Test
    void rotatingTheKeyRetiresTheOldOne() {
        GatewayClient.Merchant merchant = client.newMerchant("Rotating Shop");

        Reply reply = client.send("POST", "/admin/v1/merchants/" + merchant.id() + "/api-keys", ADMIN_TOKEN, null, null);

        assertEquals(201, reply.status(), reply::toString);
        String newKey = (String) reply.json().get("apiKey");
        assertNotEquals(merchant.apiKey(), newKey);
        assertProblem(client.get("/v1/settings", merchant.apiKey()), 401);
        assertEquals(200, client.get("/v1/settings", newKey).status());
    }

    @Test
    void rotatingAcceptsAnyContentTypeWithEmptyBody() {
        GatewayClient.Merchant merchant = client.newMerchant("Empty Body Shop");
        Reply reply = client.send("POST", "/admin/v1/merchants/" + merchant.id() + "/api-keys", ADMIN_TOKEN, "application/json", "");
        assertEquals(201, reply.status(), reply::toString);
        Reply text = client.send("POST", "/admin/v1/merchants/" + merchant.id() + "/api-keys", ADMIN_TOKEN, "text/plain", "");
        assertEquals(201, text.status(), text::toString);
    }

    @Test
    void rotatingAnUnknownMerchantIs404() {
        assertProblem(client.send("POST", "/admin/v1/merchants/" + UUID.randomUUID() + "/api-keys", ADMIN_TOKEN, null, null), 404);
        assertProblem(client.send("POST", "/admin/v1/merchants/not-a-uuid/api-keys", ADMIN_TOKEN, null, null), 404);
    }

    @Test
    void merchantNameIsRequired() {
        assertFieldError(client.postJson("/admin/v1/merchants", ADMIN_TOKEN, "{}"), "name");
        assertFieldError(client.postJson("/admin/v1/merchants", ADMIN_TOKEN, "{\"name\":\"  \"}"), "name");
        assertFieldError(client.postJson("/admin/v1/merchants", ADMIN_TOKEN, "{\"name\":\"" + "n".repeat(201) + "\"}"), "name");
        assertFieldError(client.postJson("/admin/v1/merchants", ADMIN_TOKEN, "{\"name\":\"A\\r\\nB\"}"), "name");
        assertProblem(client.postJson("/admin/v1/merchants", ADMIN_TOKEN, "{\"name\":"), 400);
        assertProblem(client.send("POST", "/admin/v1/merchants", ADMIN_TOKEN, "text/plain", "Acme"), 415);
    }

    @Test
    void adminApiNeedsTheAdminToken() {
        assertProblem(client.postJson("/admin/v1/merchants", null, "{\"name\":\"x\"}"), 401);
        assertProblem(client.postJson("/admin/v1/merchants", "wrong", "{\"name\":\"x\"}"), 401);
        String merchantKey = client.newMerchant("Not An Admin").apiKey();
        assertProblem(client.postJson("/admin/v1/merchants", merchantKey, "{\"name\":\"x\"}"), 401);
    }

    @Test
    void merchantKeyDoesNotOpenAnotherMerchantsSettings() {
        String first = client.newMerchant("First").apiKey();
        String second = client.newMerchant("Second").apiKey();
        assertEquals("First", client.get("/v1/settings", first).json().get("shopName"));
        assertEquals("Second", client.get("/v1/settings", second).json().get("shopName"));
    }
}
