package org.reviewgateway.gateway.web;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewgateway.gateway.support.GatewayClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The served OpenAPI document tells the truth: the status codes the gateway answers, problem+json errors,
 * the bearer schemes, the public pages; and npm's @redocly/cli lints it without an error (.ci/run installs it).
 */
@MicronautTest(transactional = false)
class OpenApiDocumentTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @TempDir
    Path dir;

    private GatewayClient.Reply spec() {
        return new GatewayClient(server, json).get("/openapi.yml", null);
    }

    @Test
    void theDocumentNamesWhatTheGatewayReallyAnswers() {
        GatewayClient.Reply reply = spec();
        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("application/yaml"), reply.contentType());
        String spec = reply.body();
        for (String expected : List.of("/r/{token}:", "/u/{token}:", "/health:", "/prometheus:", "\"201\":", "\"204\":", "\"202\":", "application/problem+json",
                "scheme: bearer", "CreateOrderRequest", "PutTemplateRequest", "multipart/form-data",
                "/v1/feeds/google-product-reviews.xml:", "/p/{merchantId}/products/{productId}/rating:", "/v1/products/{productId}/reviews:")) {
            assertTrue(spec.contains(expected), expected);
        }
        assertTrue(!spec.contains("JsonNode"), "no request body described as JsonNode");
    }

    @Test
    void redoclyLintsTheDocumentWithoutErrors() throws Exception {
        Path redocly = Path.of("/usr/bin/redocly");
        for (String pathDir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(pathDir, "redocly"))) {
                redocly = Path.of(pathDir, "redocly");
                break;
            }
        }
        assumeTrue(Files.isExecutable(redocly), "needs npm @redocly/cli (.ci/run installs it)");
        Path file = dir.resolve("openapi.yml");
        Files.writeString(file, spec().body(), StandardCharsets.UTF_8);
        ProcessBuilder command = new ProcessBuilder(redocly.toString(), "lint", file.toString(), "--format", "stylish").redirectErrorStream(true);
        command.environment().put("REDOCLY_TELEMETRY", "off");
        command.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process lint = command.start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(2, TimeUnit.MINUTES), "redocly did not finish");
        assertEquals(0, lint.exitValue(), output);
    }
}
