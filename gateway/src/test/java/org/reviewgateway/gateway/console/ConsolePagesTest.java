package org.reviewgateway.gateway.console;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reviewgateway.gateway.dispatch.Dispatcher;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.gateway.support.WebhookReceiver;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's overview, templates, connectors and webhooks pages over HTTP, as a browser uses them; each checked
 * against what the API then reports, and scoped to the session's merchant.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesTest implements TestPropertyProvider {

    private static final int SMTP_PORT = WebhookReceiver.freePort();
    private static final String PUBLIC_URL = "https://93.184.216.34/hooks/reviews";
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private final GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;
    @Inject
    Dispatcher dispatcher;
    @Inject
    DataSource dataSource;

    GatewayClient client;
    ConsoleVisits visits;
    GatewayClient.Merchant merchant;
    ConsoleVisits.Browser browser;
    String tag;

    @Override
    public Map<String, String> getProperties() {
        greenMail.start();
        return Map.of(
                "gateway.data-dir", "./target/test-data-console-pages",
                "mail.transport", "smtp",
                "mail.smtp.host", "127.0.0.1",
                "mail.smtp.port", String.valueOf(SMTP_PORT),
                "mail.from", "reviews@gateway.example",
                "mail.rate-per-second", "1000");
    }

    @AfterAll
    void stopMailServer() {
        greenMail.stop();
    }

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        visits = new ConsoleVisits(server, client);
        tag = UUID.randomUUID().toString().substring(0, 8);
        merchant = client.newMerchant("Pages Shop " + tag);
        browser = visits.loggedIn(merchant.id(), "owner." + tag + "@acme.example");
    }

    private ConsoleVisits.Browser otherMerchantsBrowser() {
        GatewayClient.Merchant other = client.newMerchant("Other Shop " + tag);
        return visits.loggedIn(other.id(), "other." + tag + "@acme.example");
    }

    @Test
    void everyPageNeedsASessionAndEveryFormItsCsrfToken() {
        ConsoleVisits.Browser stranger = visits.browser();
        for (String path : List.of("/console/", "/console/templates", "/console/templates/de", "/console/connectors", "/console/webhooks")) {
            HttpResponse<String> page = stranger.get(path);
            assertEquals(303, page.statusCode(), path);
            assertEquals("/console/login", page.headers().firstValue("Location").orElseThrow(), path);
        }
        for (String path : List.of("/console/templates/de", "/console/templates/de/delete", "/console/connectors/shopify",
                "/console/connectors/shopify/delete", "/console/webhooks", "/console/webhooks/abc/delete")) {
            assertEquals(403, browser.post(path, Map.of("url", PUBLIC_URL, "secret", "s".repeat(20))).statusCode(), path);
        }
        assertEquals(403, browser.post("/console/templates/de/preview", Map.of("subject", "x")).statusCode());
        assertEquals(401, stranger.post("/console/templates/de/preview", Map.of("subject", "x")).statusCode());
        assertEquals(404, browser.get("/console/templates/not_a_tag!").statusCode());
        assertEquals(404, browser.get("/console/assets/secrets.txt").statusCode());
        assertTrue(browser.get("/console/assets/template-preview.js").headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
    }

    @Test
    void theOverviewCountsEachOfTheLastThirtyDaysForItsMerchantOnly() throws Exception {
        assertEquals(201, client.postJson("/v1/orders", merchant.apiKey(), OrderBody.self("OLD-" + tag).json()).status());
        clock.advance(Duration.ofDays(31));
        LocalDate busyDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            addresses.add("buyer" + i + "." + tag + "@example.org");
            assertEquals(201, client.postJson("/v1/orders", merchant.apiKey(),
                    Orders.delegated("D" + i + "-" + tag, addresses.get(i), "Kim", "en", clock.instant())).status());
        }
        Reply self = client.postJson("/v1/orders", merchant.apiKey(), OrderBody.self("S-" + tag).json());
        review((String) self.json().get("reviewLink"), 4);
        Db.update(dataSource, "UPDATE deliveries SET status = 'failed', updated_at = ? WHERE order_id = (SELECT id FROM orders "
                + "WHERE transaction_id = ?)", Timestamp.from(clock.instant()), "D2-" + tag);
        dispatcher.dispatchDue();
        review(linkIn(messageTo(addresses.get(0)), "/r/"), 5);
        String unsubscribe = messageTo(addresses.get(1)).getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        assertEquals(200, client.send("POST", unsubscribe.substring(server.getURL().toString().length()), null,
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status());
        clock.advance(Duration.ofDays(1));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertEquals(201, client.postJson("/v1/orders", merchant.apiKey(), OrderBody.self("T-" + tag).json()).status());

        browser = visits.loggedIn(merchant.id(), "late." + tag + "@acme.example");
        HttpResponse<String> page = browser.get("/console/");
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertEquals("5", figure(body, "Orders"), "the order of 32 days ago is not counted");
        assertEquals("2", figure(body, "Invitations sent"));
        assertEquals("1", figure(body, "Failed"));
        assertEquals("2", figure(body, "Reviews"));
        assertEquals("50 %", figure(body, "Response rate"), "one of the two invitations sent was answered");
        assertEquals("1", figure(body, "Unsubscribes"));
        assertEquals(List.of("4", "2", "1", "2", "1"), row(body, busyDay));
        assertEquals(List.of("1", "0", "0", "0", "0"), row(body, today));
        assertEquals(30, count(body, "<th scope=\"row\">"), "one row per day");
        assertTrue(body.indexOf(DAY_LABEL.format(today)) < body.indexOf(DAY_LABEL.format(busyDay)), "newest first");
        assertEquals(30, count(body, "<rect class=\"sent\""));
        assertEquals(30, count(body, "<rect class=\"reviews\""));
        assertTrue(body.contains("<svg role=\"img\" aria-labelledby=\"chart-title\""), body);

        String others = otherMerchantsBrowser().get("/console/").body();
        assertEquals("0", figure(others, "Orders"));
        assertEquals("–", figure(others, "Response rate"), "no invitation, no rate");
    }

    @Test
    void aTemplateIsCheckedPreviewedTestSentSavedAndDeletedByTheApisRules() throws Exception {
        HttpResponse<String> list = browser.get("/console/templates");
        assertTrue(list.body().contains("None yet"), list.body());
        assertEquals(422, browser.get("/console/templates?locale=not+a+tag!").statusCode());
        assertTrue(browser.get("/console/templates?locale=not+a+tag!").body().contains("id=\"locale-error\""));
        HttpResponse<String> redirect = browser.get("/console/templates?locale=de-de");
        assertEquals(303, redirect.statusCode());
        assertEquals("/console/templates/de-DE", redirect.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> editor = browser.get("/console/templates/de");
        assertEquals(200, editor.statusCode());
        assertTrue(editor.body().contains("{{reviewLink}}"), "starts from the built-in German template");
        String csp = editor.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("style-src 'self' 'unsafe-inline'") && !csp.contains("script-src") && csp.contains("default-src 'self'"), csp);

        String subject = "Wie war Ihr Einkauf bei {{shopName}}?";
        String badText = "Hallo {{customerName}}, bitte bewerten: {{reviewLink}}";
        HttpResponse<String> invalid = browser.submit(editor, "/console/templates/de",
                Map.of("action", "save", "subject", subject, "text", badText, "html", "<p>{{{reviewLink}}}</p>"));
        assertEquals(422, invalid.statusCode());
        assertTrue(errorBeside(invalid.body(), "text").contains("unsubscribeLink"), invalid.body());
        assertTrue(errorBeside(invalid.body(), "html").contains("unescaped"), invalid.body());
        assertTrue(invalid.body().contains("value=\"Wie war Ihr Einkauf bei {{shopName}}?\""), "what was typed is kept");
        assertEquals(404, client.get("/v1/templates/de", merchant.apiKey()).status(), "nothing saved");

        String text = badText + "\r\nAbmelden: {{unsubscribeLink}}";
        String html = "<p style=\"color:#333\">Hallo {{customerName}}</p><a href=\"{{reviewLink}}\">Bewerten</a>";
        HttpResponse<String> preview = browser.submit(editor, "/console/templates/de",
                Map.of("action", "preview", "subject", subject, "text", text, "html", html));
        assertEquals(200, preview.statusCode(), preview.body());
        assertTrue(preview.body().contains("<span id=\"preview-subject\">Wie war Ihr Einkauf bei Pages Shop " + tag + "?</span>"), preview.body());
        assertTrue(preview.body().contains("srcdoc=\"&lt;p style&#x3D;&quot;color:#333&quot;&gt;Hallo"), "the HTML part, escaped into a sandboxed frame");
        assertEquals(404, client.get("/v1/templates/de", merchant.apiKey()).status(), "a preview saves nothing");

        HttpResponse<String> live = browser.submit(editor, "/console/templates/de/preview", Map.of("subject", subject, "text", text, "html", html));
        assertEquals(200, live.statusCode(), live.body());
        Map<?, ?> rendered = json.readValue(live.body(), Map.class);
        assertEquals("Wie war Ihr Einkauf bei Pages Shop " + tag + "?", rendered.get("subject"));
        assertTrue(((String) rendered.get("text")).contains("/r/"), "sample links filled in");
        HttpResponse<String> liveMistake = browser.submit(editor, "/console/templates/de/preview", Map.of("subject", "", "text", text));
        assertEquals(422, liveMistake.statusCode());
        assertTrue(liveMistake.body().contains("\"field\":\"subject\""), liveMistake.body());

        HttpResponse<String> badAddress = browser.submit(editor, "/console/templates/de",
                Map.of("action", "test", "subject", subject, "text", text, "html", html, "testEmail", "not an address"));
        assertEquals(422, badAddress.statusCode());
        assertTrue(badAddress.body().contains("id=\"testEmail-error\""), badAddress.body());
        String staff = "staff." + tag + "@acme.example";
        HttpResponse<String> sent = browser.submit(editor, "/console/templates/de",
                Map.of("action", "test", "subject", subject, "text", text, "html", html, "testEmail", staff));
        assertEquals(200, sent.statusCode(), sent.body());
        MimeMessage test = messageTo(staff);
        assertEquals("[Test] Wie war Ihr Einkauf bei Pages Shop " + tag + "?", test.getSubject(), "the draft, not saved yet, was sent");
        assertEquals(404, client.get("/v1/templates/de", merchant.apiKey()).status());

        HttpResponse<String> saved = browser.submit(editor, "/console/templates/de",
                Map.of("action", "save", "subject", subject, "text", text, "html", html));
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("Saved as version 1"), saved.body());
        Reply stored = client.get("/v1/templates/de", merchant.apiKey());
        assertEquals(subject, stored.json().get("subject"));
        assertEquals(badText + "\nAbmelden: {{unsubscribeLink}}", stored.json().get("text"), "line breaks stored as LF");
        assertTrue(browser.get("/console/templates").body().contains("href=\"/console/templates/de\""));
        assertTrue(otherMerchantsBrowser().get("/console/templates").body().contains("None yet"), "scoped to the session's merchant");

        HttpResponse<String> deleted = browser.submit(browser.get("/console/templates/de"), "/console/templates/de/delete", Map.of());
        assertEquals(303, deleted.statusCode());
        assertEquals(404, client.get("/v1/templates/de", merchant.apiKey()).status());
    }

    @Test
    void aConnectorIsSetUpThroughTheApisRulesAndItsUrlIsThereToCopy() {
        HttpResponse<String> page = browser.get("/console/connectors");
        assertEquals(2, count(page.body(), "Not connected."), page.body());

        HttpResponse<String> noSecret = browser.submit(page, "/console/connectors/shopify", Map.of("delivery", "delegated", "trigger", "paid"));
        assertEquals(422, noSecret.statusCode());
        assertTrue(noSecret.body().contains("id=\"shopify-secret-error\">is required when the connector is created"), noSecret.body());
        HttpResponse<String> shortSecret = browser.submit(page, "/console/connectors/shopify",
                Map.of("secret", "short", "delivery", "delegated", "trigger", "shipped"));
        assertEquals(422, shortSecret.statusCode());
        assertTrue(shortSecret.body().contains("id=\"shopify-secret-error\">must be 16-256 characters"), shortSecret.body());
        assertTrue(shortSecret.body().contains("id=\"shopify-trigger-error\">must be one of paid, fulfilled"), shortSecret.body());
        assertFalse(shortSecret.body().contains("value=\"short\""), "a secret is never shown back");
        assertEquals(List.of(), client.get("/v1/connectors", merchant.apiKey()).json().get("connectors"));

        String secret = "shpss_" + tag + tag;
        HttpResponse<String> connected = browser.submit(page, "/console/connectors/shopify",
                Map.of("secret", secret, "delivery", "self", "trigger", "paid"));
        assertEquals(200, connected.statusCode(), connected.body());
        Map<?, ?> shopify = connector("shopify");
        assertEquals("self", shopify.get("delivery"));
        assertEquals("paid", shopify.get("trigger"));
        String url = (String) shopify.get("webhookUrl");
        assertTrue(connected.body().contains("id=\"shopify-url\" value=\"" + url + "\" readonly"), connected.body());
        assertTrue(connected.body().contains("No signed delivery has arrived yet."));
        assertFalse(connected.body().contains(secret));

        HttpResponse<String> changed = browser.submit(connected, "/console/connectors/shopify", Map.of("delivery", "delegated", "trigger", "fulfilled"));
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("fulfilled", connector("shopify").get("trigger"));
        assertEquals(url, connector("shopify").get("webhookUrl"), "the URL stays; the secret is kept");

        assertEquals(2, count(otherMerchantsBrowser().get("/console/connectors").body(), "Not connected."), "scoped to the session's merchant");
        assertEquals(404, browser.submit(changed, "/console/connectors/magento", Map.of("secret", secret)).statusCode());
        assertEquals(303, browser.submit(changed, "/console/connectors/shopify/delete", Map.of()).statusCode());
        assertEquals(List.of(), client.get("/v1/connectors", merchant.apiKey()).json().get("connectors"));
    }

    @Test
    void aWebhookIsAddedByTheApisRulesItsSecretShownOnceAndRemoved() {
        HttpResponse<String> page = browser.get("/console/webhooks");
        assertTrue(page.body().contains("None yet."));

        HttpResponse<String> refused = browser.submit(page, "/console/webhooks", Map.of("url", "http://127.0.0.1/hooks"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"url-error\">must use https"), refused.body());
        assertTrue(refused.body().contains("id=\"events-error\">choose at least one event"), refused.body());
        assertTrue(refused.body().contains("value=\"http://127.0.0.1/hooks\""), "what was typed is kept");
        HttpResponse<String> privateHost = browser.submit(page, "/console/webhooks", Map.of("url", "https://10.0.0.8/hooks", "events", "review.created"));
        assertTrue(privateHost.body().contains("id=\"url-error\">must not point to a loopback, private"), privateHost.body());
        assertTrue(privateHost.body().contains("value=\"review.created\" checked"), "the ticked events stay ticked");

        String form = "csrf=" + ConsoleVisits.enc(ConsoleVisits.csrf(page.body())) + "&url=" + ConsoleVisits.enc(PUBLIC_URL)
                + "&events=review.created&events=invitation.sent";
        HttpResponse<String> created = browser.postRaw("/console/webhooks", form);
        assertEquals(201, created.statusCode(), created.body());
        Matcher secret = Pattern.compile("<code id=\"new-secret\">(whsec_[^<]+)</code>").matcher(created.body());
        assertTrue(secret.find(), created.body());
        List<?> listed = (List<?>) client.get("/v1/webhooks", merchant.apiKey()).json().get("webhooks");
        assertEquals(1, listed.size());
        Map<?, ?> webhook = (Map<?, ?>) listed.get(0);
        assertEquals(List.of("invitation.sent", "review.created"), ((List<?>) webhook.get("events")).stream().sorted().toList());
        HttpResponse<String> again = browser.get("/console/webhooks");
        assertFalse(again.body().contains(secret.group(1)), "the secret is shown this once");
        assertTrue(again.body().contains("nothing sent yet"));
        assertTrue(otherMerchantsBrowser().get("/console/webhooks").body().contains("None yet."), "scoped to the session's merchant");

        assertEquals(303, browser.submit(again, "/console/webhooks/" + webhook.get("id") + "/delete", Map.of()).statusCode());
        assertEquals(List.of(), client.get("/v1/webhooks", merchant.apiKey()).json().get("webhooks"));
    }

    private Map<?, ?> connector(String platform) {
        List<?> connectors = (List<?>) client.get("/v1/connectors", merchant.apiKey()).json().get("connectors");
        return connectors.stream().map(c -> (Map<?, ?>) c).filter(c -> platform.equals(c.get("platform"))).findFirst().orElseThrow();
    }

    private void review(String link, int rating) {
        assertEquals(200, client.postJson(link.substring(server.getURL().toString().length()), null, "{\"rating\":" + rating + "}").status());
    }

    private MimeMessage messageTo(String address) throws Exception {
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            for (var r : m.getAllRecipients()) {
                if (((InternetAddress) r).getAddress().equalsIgnoreCase(address)) {
                    return m;
                }
            }
        }
        throw new AssertionError("no message to " + address);
    }

    private String linkIn(MimeMessage message, String path) throws Exception {
        Matcher link = Pattern.compile(Pattern.quote(server.getURL().toString() + path) + "[A-Za-z0-9_-]+")
                .matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(message));
        assertTrue(link.find());
        return link.group();
    }

    private static String figure(String page, String name) {
        Matcher m = Pattern.compile("<dt>" + Pattern.quote(name) + "</dt><dd>([^<]*)</dd>").matcher(page);
        assertTrue(m.find(), name + " in " + page);
        return m.group(1);
    }

    private static List<String> row(String page, LocalDate day) {
        Matcher m = Pattern.compile("<th scope=\"row\">" + Pattern.quote(DAY_LABEL.format(day)) + "</th>((?:<td>\\d+</td>)+)</tr>").matcher(page);
        assertTrue(m.find(), day + " in " + page);
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("<td>(\\d+)</td>").matcher(m.group(1));
        while (cell.find()) {
            cells.add(cell.group(1));
        }
        return cells;
    }

    private static String errorBeside(String page, String field) {
        Matcher m = Pattern.compile("id=\"" + field + "-error\"[^>]*>([^<]*)<").matcher(page);
        assertTrue(m.find(), field + " error in " + page);
        return m.group(1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
