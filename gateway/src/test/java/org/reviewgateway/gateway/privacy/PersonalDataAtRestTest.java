package org.reviewgateway.gateway.privacy;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.LogCapture;
import org.reviewgateway.gateway.support.Names;
import org.reviewgateway.gateway.support.OrderBody;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class PersonalDataAtRestTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    PiiCipher cipher;

    @Test
    void noAddressOrNameIsStoredInClearAnywhereNorLogged() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "Private.Person." + tag + "@Example.org";
        String name = Names.unique("Secretname");
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Privacy Shop");
        String key = merchant.apiKey();
        UUID merchantId = UUID.fromString(merchant.id());
        String id = "P-" + tag;
        String paddedEmail = " " + email;
        String body = OrderBody.delegated(id, paddedEmail).name(name).json();

        List<String> logLines;
        try (LogCapture logs = new LogCapture()) {
            assertEquals(201, client.postJson("/v1/orders", key, body).status());
            assertEquals(200, client.postJson("/v1/orders", key, body).status());
            assertEquals(409, client.postJson("/v1/orders", key, OrderBody.delegated(id, paddedEmail).name(name + "x").json()).status());
            assertEquals(422, client.postJson("/v1/orders", key, OrderBody.delegated(id, paddedEmail).name(name).with("delivery", "self").json()).status());
            assertEquals(400, client.postJson("/v1/orders", key, body.substring(0, body.length() - 3)).status());
            assertEquals(200, client.get("/v1/orders/" + id, key).status());
            client.postJson("/v1/orders/batch", key,
                    OrderBody.batch(OrderBody.delegated(id, paddedEmail).name(name), OrderBody.delegated(id + "-b", paddedEmail).name(name)));
            logLines = List.copyOf(logs.lines());
        }

        List<String> needles = List.of(email.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT), tag + "@example");
        assertTrue(logLines.size() > 0, "the capture saw the requests' logs");
        for (String line : logLines) {
            for (String needle : needles) {
                assertTrue(!line.toLowerCase(Locale.ROOT).contains(needle), () -> "personal data in a log line: " + line);
            }
        }
        List<String> hits = Db.scanAllColumns(dataSource,
                needles.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toList(), needles);
        assertEquals(List.of(), hits, "personal data in clear text in the database");

        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT r.email_cipher, r.name_cipher, r.email_hash FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the recipient is stored");
                assertEquals(email, cipher.decrypt(merchantId, rs.getBytes(1)), "encrypted, trimmed, and readable with the key");
                assertEquals(name, cipher.decrypt(merchantId, rs.getBytes(2)));
                assertArrayEquals(cipher.addressHash(merchantId, email.toLowerCase(Locale.ROOT)), rs.getBytes(3), "hash of the normalised address");
            }
        }
    }

}
