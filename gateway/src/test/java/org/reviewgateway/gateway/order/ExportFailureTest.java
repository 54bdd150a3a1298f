package org.reviewgateway.gateway.order;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.OrderBody;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** An export that fails halfway must look broken to the client, never like a complete (shorter) export. */
@MicronautTest(transactional = false)
class ExportFailureTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    @Test
    void aFailureMidwayAbortsTheTransferInsteadOfEndingItCleanly() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Broken Export Shop").apiKey();
        String prefix = "X-" + UUID.randomUUID();
        for (int i = 0; i < 600; i++) {
            client.postJson("/v1/orders", key, OrderBody.self(prefix + "-" + i).json());
        }
        // a sealed review token that no longer opens: the export fails on that order, after 500 lines went out
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE orders SET review_token_sealed = ? WHERE transaction_id = ?")) {
            ps.setBytes(1, new byte[40]);
            ps.setString(2, prefix + "-550");
            ps.executeUpdate();
        }

        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/v1/export")).header("Authorization", "Bearer " + key).build();
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()),
                "the client sees a broken transfer, not a clean end");
    }
}
