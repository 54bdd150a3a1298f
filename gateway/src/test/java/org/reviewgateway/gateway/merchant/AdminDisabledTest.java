package org.reviewgateway.gateway.merchant;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest
@Property(name = "gateway.admin.token", value = "")
class AdminDisabledTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void adminApiIsOffWithoutAToken() {
        GatewayClient client = new GatewayClient(server, json);
        Map<String, Object> problem = assertProblem(client.postJson("/admin/v1/merchants", "anything", "{\"name\":\"x\"}"), 403);
        assertTrue(((String) problem.get("detail")).contains("GATEWAY_ADMIN_TOKEN"), problem::toString);
        assertProblem(client.postJson("/admin/v1/merchants", null, "{\"name\":\"x\"}"), 403);
    }
}
