package org.reviewgateway.gateway.console;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.MutableClock;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

/** The console's users and sessions over HTTP, as a browser uses them: cookies, forms, redirects. */
@MicronautTest(transactional = false)
@Property(name = "gateway.data-dir", value = "./target/test-data-console")
class ConsoleAccessTest {


    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;
    @Inject
    DataSource dataSource;

    GatewayClient client;
    ConsoleVisits visits;
    GatewayClient.Merchant merchant;
    String email;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        visits = new ConsoleVisits(server, client);
        merchant = client.newMerchant("Console Shop " + UUID.randomUUID().toString().substring(0, 6));
        email = "owner." + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    }

    @Test
    void anInvitedUserSetsAPasswordOnceLogsInSeesItsShopAndLogsOut() {
        ConsoleVisits.Browser browser = visits.browser();
        String link = visits.invite(merchant.id(), email);
        HttpResponse<String> form = browser.get(link);
        assertEquals(200, form.statusCode());
        assertTrue(form.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'self'"));

        HttpResponse<String> noToken = browser.post(link, Map.of("password", ConsoleVisits.PASSWORD));
        assertEquals(403, noToken.statusCode(), "a form without its csrf token");
        HttpResponse<String> tooShort = browser.submit(browser.get(link), link, Map.of("password", "eleven char"));
        assertEquals(422, tooShort.statusCode());
        assertTrue(tooShort.body().contains("id=\"password-error\""), "the error beside the field");
        assertFalse(tooShort.body().contains("eleven char"), "a password is never shown again");
        assertEquals(200, browser.submit(browser.get(link), link, Map.of("password", ConsoleVisits.PASSWORD)).statusCode());
        assertEquals(404, browser.get(link).statusCode(), "single use");
        String stored = Db.text(dataSource, "SELECT password_hash FROM console_users WHERE email = '" + email + "'");
        assertTrue(stored.startsWith("$argon2id$"), stored);

        assertEquals(303, browser.get("/console/").statusCode(), "no session: to the login page");
        HttpResponse<String> login = browser.get("/console/login");
        HttpResponse<String> in = browser.submit(login, "/console/login", Map.of("email", email.toUpperCase(), "password", ConsoleVisits.PASSWORD));
        assertEquals(303, in.statusCode(), in::body);
        String setCookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rig_console=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Strict"), setCookie);
        String sessionToken = browser.cookies.get("rig_console");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM console_sessions WHERE token_hash = ?", SecretTokens.hash(sessionToken)),
                "stored only as its hash");

        HttpResponse<String> overview = browser.get("/console/");
        assertEquals(200, overview.statusCode());
        assertTrue(overview.body().contains("Console Shop"), overview.body());

        HttpResponse<String> forged = browser.post("/console/logout", Map.of("csrf", "forged"));
        assertEquals(403, forged.statusCode(), "logout needs the session's csrf token");
        assertEquals(303, browser.submit(overview, "/console/logout", Map.of()).statusCode());
        browser.cookies.put("rig_console", sessionToken);
        assertEquals(303, browser.get("/console/").statusCode(), "the session ended at logout");
    }

    @Test
    void aWrongAddressAndAWrongPasswordGetTheSameAnswerAndTenFailuresThrottleThatAddressOnly() {
        visits.loggedIn(merchant.id(), email);
        ConsoleVisits.Browser stranger = visits.browser();
        HttpResponse<String> wrongPassword = stranger.submit(stranger.get("/console/login"), "/console/login",
                Map.of("email", email, "password", "not the password at all"));
        HttpResponse<String> unknown = stranger.submit(stranger.get("/console/login"), "/console/login",
                Map.of("email", "nobody@acme.example", "password", "not the password at all"));
        assertEquals(200, wrongPassword.statusCode());
        assertEquals(200, unknown.statusCode());
        assertTrue(wrongPassword.body().contains("The e-mail address or the password is not right."));
        assertEquals(wrongPassword.body().replace(email, "X").replaceAll(ConsoleVisits.CSRF.pattern(), ""),
                unknown.body().replace("nobody@acme.example", "X").replaceAll(ConsoleVisits.CSRF.pattern(), ""), "no hint whether the address exists");

        for (int i = 0; i < 9; i++) {
            stranger.submit(stranger.get("/console/login"), "/console/login", Map.of("email", email, "password", "guess number " + i));
        }
        HttpResponse<String> throttled = stranger.submit(stranger.get("/console/login"), "/console/login", Map.of("email", email, "password", ConsoleVisits.PASSWORD));
        assertEquals(429, throttled.statusCode(), "even the right password waits");
        assertEquals("900", throttled.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, stranger.submit(stranger.get("/console/login"), "/console/login",
                Map.of("email", "someone.else@acme.example", "password", "not the password at all")).statusCode(), "other addresses unaffected");

        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertEquals(303, stranger.submit(stranger.get("/console/login"), "/console/login", Map.of("email", email, "password", ConsoleVisits.PASSWORD)).statusCode());
    }

    @Test
    void aSessionEndsWhenIdleTamperedOrItsMerchantIsOffboarded() {
        ConsoleVisits.Browser browser = visits.loggedIn(merchant.id(), email);
        assertEquals(200, browser.get("/console/").statusCode());
        clock.advance(ConsoleSessions.IDLE_EXPIRY.minusMinutes(1));
        assertEquals(200, browser.get("/console/").statusCode(), "use resets the idle clock");
        clock.advance(ConsoleSessions.IDLE_EXPIRY.plusMinutes(1));
        assertEquals(303, browser.get("/console/").statusCode(), "idle for over 8 hours");

        ConsoleVisits.Browser tampered = visits.loggedIn(merchant.id(), "second." + email);
        tampered.cookies.put("rig_console", tampered.cookies.get("rig_console") + "x");
        assertEquals(303, tampered.get("/console/").statusCode());

        ConsoleVisits.Browser other = visits.loggedIn(merchant.id(), "third." + email);
        assertEquals(204, client.send("DELETE", "/admin/v1/merchants/" + merchant.id(), GatewayClient.ADMIN_TOKEN, null, null).status());
        assertEquals(303, other.get("/console/").statusCode(), "an offboarded merchant's sessions end at once");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count(dataSource, "SELECT COUNT(*) FROM console_users WHERE merchant_id = ?", UUID.fromString(merchant.id())) == 0);
    }

    @Test
    void eachSessionSeesOnlyItsOwnMerchant() {
        GatewayClient.Merchant second = client.newMerchant("Second Console Shop");
        ConsoleVisits.Browser mine = visits.loggedIn(merchant.id(), email);
        ConsoleVisits.Browser theirs = visits.loggedIn(second.id(), "other." + email);
        assertFalse(mine.get("/console/").body().contains("Second Console Shop"));
        assertTrue(theirs.get("/console/").body().contains("Second Console Shop"));
    }

    @Test
    void theSettingsPageChangesTheSettingsByTheApisRulesAndShowsMistakesBesideTheirFields() {
        ConsoleVisits.Browser browser = visits.loggedIn(merchant.id(), email);
        HttpResponse<String> page = browser.get("/console/settings");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"inviteDelay\" name=\"inviteDelay\" value=\"P7D\""), page.body());

        Map<String, String> form = new HashMap<>(Map.of("shopName", "Console Shop", "senderName", "Console Care", "defaultLocale", "de",
                "inviteDelay", "seven days", "reminderDelay", "", "invitationCooldown", "", "retention", "P30D",
                "replyTo", "not an address", "shopUrl", "https://console.example/", "privacyPolicyUrl", ""));
        form.put("imprint", "Console GmbH\nBerlin");
        HttpResponse<String> wrong = browser.submit(page, "/console/settings", form);
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("id=\"inviteDelay-error\"") && wrong.body().contains("id=\"replyTo-error\""), wrong.body());
        assertTrue(wrong.body().contains("value=\"seven days\"") && wrong.body().contains("value=\"not an address\""), "what was typed stays");
        assertEquals("P7D", client.get("/v1/settings", merchant.apiKey()).json().get("inviteDelay"), "nothing saved");

        form.put("inviteDelay", "PT12H");
        form.put("replyTo", "care@console.example");
        assertEquals(403, browser.post("/console/settings", form).statusCode(), "without the session's csrf token");
        HttpResponse<String> saved = browser.submit(page, "/console/settings", form);
        assertEquals(200, saved.statusCode(), saved::body);
        assertTrue(saved.body().contains("Settings saved."));
        Map<String, Object> settings = client.get("/v1/settings", merchant.apiKey()).json();
        assertEquals("PT12H", settings.get("inviteDelay"));
        assertEquals("care@console.example", settings.get("replyTo"));
        assertEquals("https://console.example/", settings.get("shopUrl"));
        assertEquals("Console GmbH\nBerlin", settings.get("imprint"));
        assertEquals(null, settings.get("privacyPolicyUrl"), "an empty optional field clears it");

        GatewayClient.Merchant second = client.newMerchant("Other Settings Shop");
        ConsoleVisits.Browser theirs = visits.loggedIn(second.id(), "settings." + email);
        assertFalse(theirs.get("/console/settings").body().contains("care@console.example"), "each session sees its own merchant only");
        assertEquals(303, visits.browser().get("/console/settings").statusCode());
    }

    @Test
    void theReviewsPageShowsTheMerchantsReviewsNewestFirstInPages() {
        for (int i = 0; i < 27; i++) {
            Reply order = client.postJson("/v1/orders", merchant.apiKey(), "{\"transactionId\":\"CR-" + i + "\",\"delivery\":\"self\"}");
            String link = (String) order.json().get("reviewLink");
            String comment = i == 26 ? "<script>alert(1)</script> Great" : "Review " + i;
            assertEquals(200, client.postJson(link.substring(server.getURL().toString().length()), null,
                    "{\"rating\":" + (1 + i % 5) + ",\"comment\":\"" + comment + "\"}").status());
            clock.advance(Duration.ofSeconds(1));
        }
        ConsoleVisits.Browser browser = visits.loggedIn(merchant.id(), email);
        String first = browser.get("/console/reviews").body();
        assertEquals(25, first.split("<li>", -1).length - 1, first);
        assertTrue(first.indexOf("Order CR-26") < first.indexOf("Order CR-25"), "newest first");
        assertTrue(first.contains("&lt;script&gt;alert(1)&lt;/script&gt; Great") && !first.contains("<script>alert"), "a comment is text");
        Matcher older = Pattern.compile("href=\"(/console/reviews\\?before=[^\"]+)\"").matcher(first);
        assertTrue(older.find(), first);
        String second = browser.get(older.group(1)).body();
        assertEquals(2, second.split("<li>", -1).length - 1, second);
        assertTrue(second.contains("Order CR-1") && second.contains("Order CR-0") && !second.contains("Older reviews"));
        assertEquals(200, browser.get("/console/reviews?before=not-a-position").statusCode(), "a hand-edited link shows the first page");

        GatewayClient.Merchant other = client.newMerchant("Reviewless Shop");
        assertTrue(visits.loggedIn(other.id(), "reviews." + email).get("/console/reviews").body().contains("No reviews yet."),
                "each session sees its own merchant's reviews only");
    }

    @Test
    void aNewApiKeyIsShownOnceAndTheOldOneStopsWorking() {
        ConsoleVisits.Browser browser = visits.loggedIn(merchant.id(), email);
        HttpResponse<String> page = browser.get("/console/api-keys");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("rig_"), "no key is shown until one is created");
        assertEquals(403, browser.post("/console/api-keys", Map.of()).statusCode(), "without the session's csrf token");
        assertEquals(200, client.get("/v1/settings", merchant.apiKey()).status(), "a refused form changes nothing");

        HttpResponse<String> created = browser.submit(page, "/console/api-keys", Map.of());
        Matcher key = Pattern.compile("<code id=\"new-key\">(rig_[^<]+)</code>").matcher(created.body());
        assertTrue(key.find(), created.body());
        assertEquals(200, client.get("/v1/settings", key.group(1)).status());
        assertProblem(client.get("/v1/settings", merchant.apiKey()), 401);
        assertFalse(browser.get("/console/api-keys").body().contains(key.group(1)), "shown this once");
    }

    @Test
    void theAdminsBadInputIsAProblem() {
        String path = "/admin/v1/merchants/" + merchant.id() + "/users";
        assertFieldError(client.postJson(path, GatewayClient.ADMIN_TOKEN, "{\"email\":\"not an address\"}"), "email");
        assertFieldError(client.postJson(path, GatewayClient.ADMIN_TOKEN, "{}"), "email");
        assertProblem(client.postJson(path, null, "{\"email\":\"" + email + "\"}"), 401);
        assertProblem(client.postJson("/admin/v1/merchants/" + UUID.randomUUID() + "/users", GatewayClient.ADMIN_TOKEN, "{\"email\":\"" + email + "\"}"), 404);
        visits.invite(merchant.id(), email);
        assertProblem(client.postJson(path, GatewayClient.ADMIN_TOKEN, "{\"email\":\"" + email.toUpperCase() + "\"}"), 409);
        assertEquals(404, visits.browser().get("/console/set-password/unknown-token").statusCode());
    }
}
