package org.reviewgateway.gateway.review;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.OrderBody;

import java.io.File;
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
 * A customer's path in a real browser: Debian's headless Chromium opens the review link, picks four
 * stars, writes a comment and submits; another rates the order and its products with the keyboard alone.
 * .ci/run installs Chromium; without it this test cannot run.
 */
@MicronautTest(transactional = false)
class ReviewFormBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @TempDir
    Path profile;

    @Test
    void customerPicksFourStarsWritesACommentAndSeesTheThankYouPage() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Acme Shop").apiKey();
        String id = "B-" + UUID.randomUUID();
        String link = (String) client.postJson("/v1/orders", key, OrderBody.self(id).json()).json().get("reviewLink");

        ChromeDriver browser = startBrowser();
        try {
            browser.get(link);
            assertEquals("Review your order – Acme Shop", browser.getTitle());
            browser.findElement(By.cssSelector("label[for=star4]")).click();
            browser.findElement(By.id("comment")).sendKeys("Arrived quickly, well packed.");
            saveScreenshot(browser, Path.of("target/review-form.png"));

            browser.findElement(By.cssSelector("button[type=submit]")).click();

            // the click starts a navigation: read the heading of the page it lands on, not of the form it leaves
            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().contains("Thank you for your review"));
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Thank you for your review"), browser.getPageSource());
        } finally {
            browser.quit();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> review = (Map<String, Object>) client.get("/v1/orders/" + id, key).json().get("review");
        assertEquals(4, ((Number) review.get("rating")).intValue());
        assertEquals("Arrived quickly, well packed.", review.get("comment"));
    }

    @Test
    void aKeyboardAloneRatesTheOrderAndEachProduct() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Keyboard Shop").apiKey();
        String id = "K-" + UUID.randomUUID();
        String link = (String) client.postJson("/v1/orders", key, OrderBody.self(id).with("products", List.of(
                Map.of("id", "SKU-1", "name", "Blue mug"), Map.of("id", "SKU-2", "name", "Plate"))).json()).json().get("reviewLink");

        ChromeDriver browser = startBrowser();
        try {
            browser.get(link);
            Actions keys = new Actions(browser);
            // Tab reaches a star group as one stop; the arrow keys move through its stars (5, 4, 3, ...)
            keys.sendKeys(Keys.TAB, Keys.ARROW_DOWN).perform();
            keys.sendKeys(Keys.TAB).sendKeys("Solid.").perform();
            keys.sendKeys(Keys.TAB, Keys.ARROW_DOWN, Keys.ARROW_DOWN).perform();
            keys.sendKeys(Keys.TAB).sendKeys("Keeps tea hot.").perform();
            assertEquals("legend", browser.findElement(By.cssSelector("fieldset.product legend")).getTagName());
            saveScreenshot(browser, Path.of("target/review-form-products.png"));
            keys.sendKeys(Keys.TAB, Keys.TAB, Keys.TAB, Keys.ENTER).perform();

            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("h1")).getText().contains("Thank you for your review"));
        } finally {
            browser.quit();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> review = (Map<String, Object>) client.get("/v1/orders/" + id, key).json().get("review");
        assertEquals(4, ((Number) review.get("rating")).intValue(), review::toString);
        assertEquals("Solid.", review.get("comment"));
        assertEquals(List.of(Map.of("id", "SKU-1", "rating", 3, "comment", "Keeps tea hot.")), review.get("products"));
    }

    private ChromeDriver startBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(480, 860));
        return browser;
    }

    private static void saveScreenshot(ChromeDriver browser, Path target) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
