package org.reviewgateway.gateway.merchant;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest
@Property(name = "gateway.rate-limit", value = "5")
class RateLimitTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void overTheLimitIs429WithRetryAfterAndOtherMerchantsAreUnaffected() {
        GatewayClient client = new GatewayClient(server, json);
        String busy = client.newMerchant("Busy Shop").apiKey();
        String quiet = client.newMerchant("Quiet Shop").apiKey();

        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(client.get("/v1/settings", busy));
        }

        List<Reply> limited = replies.stream().filter(r -> r.status() == 429).toList();
        assertTrue(limited.size() >= 10, () -> limited.size() + " of 20 limited");
        assertTrue(replies.stream().allMatch(r -> r.status() == 200 || r.status() == 429));
        assertProblem(limited.get(0), 429);
        assertTrue(Integer.parseInt(limited.get(0).header("Retry-After")) >= 1);
        assertEquals(200, client.get("/v1/settings", quiet).status());
        await().atMost(Duration.ofSeconds(5)).until(() -> client.get("/v1/settings", busy).status() == 200);
    }
}
