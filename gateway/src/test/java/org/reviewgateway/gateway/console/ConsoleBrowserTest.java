package org.reviewgateway.gateway.console;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reviewgateway.gateway.support.GatewayClient;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in Debian's headless Chromium: set a password, log in, save settings (a mistake first), see a review
 * arrive, edit a template with live preview, connect a shop, add a webhook, log out; axe-core
 * (its script from the npm @axe-core/cli that .ci/run installs) over every page on the way, no serious or critical
 * violation; a screenshot of each page under target/console/ (the ones in docs/console/ are copies).
 */
@MicronautTest(transactional = false)
@Property(name = "gateway.data-dir", value = "./target/test-data-console-browser")
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<Path> AXE_SCRIPT = List.of(Path.of("/usr/lib/node_modules/@axe-core/cli/node_modules/axe-core/axe.min.js"),
            Path.of("/usr/local/lib/node_modules/@axe-core/cli/node_modules/axe-core/axe.min.js"));

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @TempDir
    Path profile;

    @Test
    void aShopOwnerSetsAPasswordLogsInSavesSettingsAndLogsOut() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        Path axe = AXE_SCRIPT.stream().filter(Files::isReadable).findFirst().orElse(null);
        assumeTrue(axe != null, "needs npm @axe-core/cli (.ci/run installs it)");
        String axeScript = Files.readString(axe, StandardCharsets.UTF_8);
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Browser Shop");
        String email = "owner." + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        String link = (String) client.postJson("/admin/v1/merchants/" + merchant.id() + "/users", GatewayClient.ADMIN_TOKEN,
                "{\"email\":\"" + email + "\"}").json().get("setPasswordLink");

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        try {
            browser.manage().window().setSize(new Dimension(1024, 900));
            browser.get(link);
            check(browser, axeScript, "set-password");
            browser.findElement(By.id("password")).sendKeys("correct horse battery staple");
            submit(browser, "Password saved");

            browser.get(server.getURL() + "/console/login");
            check(browser, axeScript, "login");
            browser.findElement(By.id("email")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys("correct horse battery staple");
            submit(browser, "Browser Shop");
            check(browser, axeScript, "overview");

            browser.findElement(By.linkText("Settings")).click();
            waitFor(browser, "Settings");
            WebElement delay = browser.findElement(By.id("inviteDelay"));
            delay.clear();
            delay.sendKeys("two days");
            submit(browser, "Settings");
            assertTrue(browser.findElement(By.id("inviteDelay-error")).isDisplayed());
            check(browser, axeScript, "settings-error");
            delay = browser.findElement(By.id("inviteDelay"));
            delay.clear();
            delay.sendKeys("P2D");
            browser.findElement(By.id("shopUrl")).sendKeys("https://browser.example/");
            submit(browser, "Settings");
            assertTrue(browser.getPageSource().contains("Settings saved."), browser.getPageSource());
            check(browser, axeScript, "settings");
            assertEquals("P2D", client.get("/v1/settings", merchant.apiKey()).json().get("inviteDelay"));

            String reviewLink = (String) client.postJson("/v1/orders", merchant.apiKey(), "{\"transactionId\":\"BR-1\",\"delivery\":\"self\"}")
                    .json().get("reviewLink");
            client.postJson(reviewLink.substring(server.getURL().toString().length()), null, "{\"rating\":5,\"comment\":\"Fast and friendly.\"}");
            browser.findElement(By.linkText("Reviews")).click();
            waitFor(browser, "Reviews");
            assertTrue(browser.getPageSource().contains("Fast and friendly."), "the review that just arrived");
            check(browser, axeScript, "reviews");
            browser.findElement(By.linkText("API keys")).click();
            waitFor(browser, "API keys");
            check(browser, axeScript, "api-keys");

            editATemplateWithLivePreview(browser, axeScript);
            assertEquals("Your order at {{shopName}}: how was it?", client.get("/v1/templates/en", merchant.apiKey()).json().get("subject"));
            connectAShopAndAddAWebhook(browser, axeScript);
            assertEquals(1, ((List<?>) client.get("/v1/connectors", merchant.apiKey()).json().get("connectors")).size());
            assertEquals(1, ((List<?>) client.get("/v1/webhooks", merchant.apiKey()).json().get("webhooks")).size());

            browser.findElement(By.cssSelector("button.link")).click();
            waitFor(browser, "Log in");
        } finally {
            browser.quit();
        }
    }

    /** Typing refreshes the preview (our script) and shows a mistake beside its field; Save stores the draft. */
    private static void editATemplateWithLivePreview(ChromeDriver browser, String axeScript) throws Exception {
        browser.findElement(By.linkText("Templates")).click();
        waitFor(browser, "Templates");
        check(browser, axeScript, "templates");
        browser.findElement(By.linkText("en")).click();
        waitFor(browser, "Template for en");
        WebElement subject = browser.findElement(By.id("subject"));
        subject.clear();
        subject.sendKeys("Your order at {{shopName}}: how was it?");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("preview-subject")).getText()
                .equals("Your order at Browser Shop: how was it?"));
        WebElement text = browser.findElement(By.id("text"));
        text.clear();
        text.sendKeys("Please rate us: {{reviewLink}}");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("text-error")).isDisplayed());
        assertTrue(browser.findElement(By.id("text-error")).getText().contains("{{unsubscribeLink}}"));
        check(browser, axeScript, "template-error");
        text.sendKeys("\nNo more e-mails: {{unsubscribeLink}}");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("text-error")).isDisplayed());
        submit(browser, "Template for en");
        assertTrue(browser.getPageSource().contains("Saved as version 1"), browser.getPageSource());
        check(browser, axeScript, "template");
    }

    private static void connectAShopAndAddAWebhook(ChromeDriver browser, String axeScript) throws Exception {
        browser.findElement(By.linkText("Connectors")).click();
        waitFor(browser, "Connectors");
        browser.findElement(By.id("woocommerce-secret")).sendKeys("wc-secret-0123456789");
        browser.findElement(By.xpath("//button[normalize-space()='Connect WooCommerce']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.id("woocommerce-url")).isEmpty());
        assertTrue(browser.findElement(By.id("woocommerce-url")).getAttribute("value").contains("/hooks/woocommerce/"));
        check(browser, axeScript, "connectors");
        browser.findElement(By.linkText("Webhooks")).click();
        waitFor(browser, "Webhooks");
        browser.findElement(By.id("url")).sendKeys("https://93.184.216.34/hooks/reviews");
        browser.findElement(By.cssSelector("input[value='review.created']")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Add endpoint']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.id("new-secret")).isEmpty());
        check(browser, axeScript, "webhooks");
    }

    private static void submit(ChromeDriver browser, String heading) {
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        waitFor(browser, heading);
    }

    private static void waitFor(ChromeDriver browser, String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("h1")).getText().contains(heading));
    }

    /** axe-core over the page as the browser shows it (WCAG 2.1 AA rules), and a screenshot of it. */
    @SuppressWarnings("unchecked")
    private static void check(ChromeDriver browser, String axeScript, String name) throws Exception {
        browser.executeScript(axeScript);
        Map<String, Object> results = (Map<String, Object>) browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact}))}));");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
        assertTrue(violations.stream().noneMatch(v -> List.of("serious", "critical").contains(v.get("impact"))), name + ": " + violations);
        Files.createDirectories(Path.of("target/console"));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target/console", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
