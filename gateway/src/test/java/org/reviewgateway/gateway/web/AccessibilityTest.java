package org.reviewgateway.gateway.web;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewgateway.gateway.privacy.UnsubscribeTokens;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.Orders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * WCAG 2.1 AA as axe-core checks it, in Debian's headless Chromium: the review form (with products), its thank-you
 * page, the unsubscribe pages, the console's login page and the HTML part of the built-in e-mail in every language. .ci/run installs the axe CLI
 * (npm @axe-core/cli) and Chromium; without them this test cannot run.
 */
@MicronautTest(transactional = false)
class AccessibilityTest {

    private static final Path AXE = onPath("axe");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    UnsubscribeTokens unsubscribeTokens;
    @Inject
    DataSource dataSource;

    @TempDir
    Path mails;

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Path.of("/usr/bin", command);
    }

    @Test
    void pagesAndTheEmailsHtmlMeetWcag21AA() throws Exception {
        assumeTrue(Files.isExecutable(AXE) && Files.isExecutable(CHROMEDRIVER),
                "needs npm @axe-core/cli and Debian's chromium-driver (.ci/run installs both)");
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Accessible Shop");
        String key = merchant.apiKey();
        String base = server.getURL().toString();
        List<String> urls = new ArrayList<>();

        String self = (String) client.postJson("/v1/orders", key, OrderBody.self("A-" + UUID.randomUUID())
                .with("products", List.of(java.util.Map.of("id", "SKU-1", "name", "Blue mug"), java.util.Map.of("id", "SKU-2", "name", "Plate")))
                .json()).json().get("reviewLink");
        urls.add(self);
        String reviewed = (String) client.postJson("/v1/orders", key, OrderBody.self("A-" + UUID.randomUUID()).json())
                .json().get("reviewLink");
        client.send("POST", reviewed.substring(base.length()), null, "application/x-www-form-urlencoded", "rating=4&comment=fine");
        urls.add(reviewed);
        String delegated = "A-" + UUID.randomUUID();
        client.postJson("/v1/orders", key, Orders.delegated(delegated, "reader@example.org", null, null, null));
        long orderId = Db.count(dataSource, "SELECT id FROM orders WHERE transaction_id = ?", delegated);
        urls.add(base + "/u/" + unsubscribeTokens.forOrder(java.util.UUID.fromString(merchant.id()), orderId));
        urls.add(base + "/console/login");
        for (String locale : CustomerTexts.LANGUAGES) {
            String html = (String) client.postJson("/v1/templates/" + locale + "/preview", key, "{\"customerName\":\"Kim\"}").json().get("html");
            Path file = mails.resolve("invitation-" + locale + ".html");
            Files.writeString(file, html, StandardCharsets.UTF_8);
            urls.add(file.toUri().toString());
        }

        List<String> command = new ArrayList<>(List.of(AXE.toString()));
        command.addAll(urls);
        command.addAll(List.of("--chromedriver-path", CHROMEDRIVER.toString(),
                "--chrome-options=headless,no-sandbox,disable-gpu,disable-dev-shm-usage",
                "--tags", "wcag2a,wcag2aa,wcag21a,wcag21aa", "--exit"));
        Process axe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(axe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        assumeTrue(axe.waitFor(3, TimeUnit.MINUTES), "axe did not finish");
        assertEquals(0, axe.exitValue(), output);
        assertTrue(output.contains("Testing complete of " + urls.size() + " pages"), output);
    }
}
