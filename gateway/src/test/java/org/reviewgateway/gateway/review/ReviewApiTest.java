package org.reviewgateway.gateway.review;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.Orders;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest(transactional = false)
class ReviewApiTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;

    GatewayClient client;
    String key;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        key = client.newMerchant("Review <Shop>").apiKey();
    }

    /** Posts a self-delivery order and returns the path of its review link. */
    private String reviewPath(String transactionId) {
        String link = (String) client.postJson("/v1/orders", key, OrderBody.self(transactionId).json()).json().get("reviewLink");
        return link.substring(server.getURL().toString().length());
    }

    private static String form(int rating, String comment) {
        return "rating=" + rating + "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8);
    }

    @Test
    void reviewLinkOpensAnAccessibleSelfContainedForm() {
        Reply page = client.get(reviewPath("R-" + UUID.randomUUID()), null);

        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String html = page.body();
        assertTrue(html.contains("Review &lt;Shop&gt;"), "shop name, escaped");
        for (int stars = 1; stars <= 5; stars++) {
            assertTrue(html.contains("type=\"radio\" id=\"star" + stars + "\" name=\"rating\" value=\"" + stars + "\""), "star " + stars);
            assertTrue(html.contains(stars + " of 5 stars"), "label for star " + stars);
        }
        assertTrue(html.contains("<textarea id=\"comment\" name=\"comment\" maxlength=\"2000\">"));
        assertTrue(html.contains("<legend>Your rating</legend>"));
        assertFalse(html.contains("<script"), "works without JavaScript");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("@import"), "no external assets");
        assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"));
        assertNull(page.header("Set-Cookie"), "no cookies");
    }

    @Test
    void formPostRecordsTheReviewAndThanks() {
        String id = "R-" + UUID.randomUUID();
        String path = reviewPath(id);

        Reply thanks = client.send("POST", path, null, FORM, form(4, "Great <b>service</b> & fast"));

        assertEquals(200, thanks.status(), thanks::toString);
        assertTrue(thanks.body().contains("Thank you for your review!"));
        Map<String, Object> order = client.get("/v1/orders/" + id, key).json();
        assertEquals("reviewed", order.get("status"));
        @SuppressWarnings("unchecked") Map<String, Object> review = (Map<String, Object>) order.get("review");
        assertEquals(4, ((Number) review.get("rating")).intValue());
        assertEquals("Great <b>service</b> & fast", review.get("comment"), "stored as plain text");

        Reply again = client.get(path, null);
        assertEquals(200, again.status());
        assertTrue(again.body().contains("reviewed already"));
        Reply second = client.send("POST", path, null, FORM, form(1, "changed my mind"));
        assertEquals(409, second.status());
        assertEquals(4, ((Number) ((Map<?, ?>) client.get("/v1/orders/" + id, key).json().get("review")).get("rating")).intValue());
    }

    @Test
    void aMultipartFormPostCountsTheSameAndABrokenBodyIs400() {
        String id = "RM-" + UUID.randomUUID();
        String path = reviewPath(id);
        String boundary = "----form" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"rating\"\r\n\r\n5\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nLine one\r\nline two\r\n"
                + "--" + boundary + "--\r\n";

        Reply thanks = client.send("POST", path, null, "multipart/form-data; boundary=" + boundary, body);

        assertEquals(200, thanks.status(), thanks::toString);
        @SuppressWarnings("unchecked") Map<String, Object> review = (Map<String, Object>) client.get("/v1/orders/" + id, key).json().get("review");
        assertEquals(5, ((Number) review.get("rating")).intValue());
        assertEquals("Line one\nline two", review.get("comment"), "a form's line breaks (CRLF on the wire) are stored as one character each");
        Reply broken = client.send("POST", reviewPath("RB-" + UUID.randomUUID()), null, FORM, "rating=%zz");
        assertEquals(400, broken.status(), broken::toString);
    }

    @Test
    void jsonPostAnswersJsonAndProblems() {
        String id = "RJ-" + UUID.randomUUID();
        String path = reviewPath(id);

        for (String bad : List.of("{}", "{\"rating\":0}", "{\"rating\":6}", "{\"rating\":3.5}", "{\"rating\":\"five\"}")) {
            assertFieldError(client.postJson(path, null, bad), "rating");
        }
        assertFieldError(client.postJson(path, null, "{\"rating\":5,\"comment\":\"" + "c".repeat(2001) + "\"}"), "comment");
        assertProblem(client.postJson(path, null, "{\"rating\":"), 422);

        Reply ok = client.postJson(path, null, "{\"rating\":5,\"comment\":\"" + "c".repeat(2000) + "\"}");
        assertEquals(200, ok.status(), ok::toString);
        assertEquals(5, ((Number) ok.json().get("rating")).intValue());
        assertEquals(id, ok.json().get("transactionId"));
        assertProblem(client.postJson(path, null, "{\"rating\":1}"), 409);
    }

    @Test
    void invalidFormIsShownAgainWithTheMessageAndWhatWasTyped() {
        String path = reviewPath("RF-" + UUID.randomUUID());
        Reply reply = client.send("POST", path, null, FORM, "comment=" + URLEncoder.encode("<i>kept</i>", StandardCharsets.UTF_8));

        assertEquals(422, reply.status());
        assertTrue(reply.body().contains("choose a rating from 1 to 5 stars"), reply.body());
        assertTrue(reply.body().contains("&lt;i&gt;kept&lt;/i&gt;</textarea>"), "escaped and kept");
        Reply tooLong = client.send("POST", path, null, FORM, form(3, "x".repeat(2001)));
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.body().contains("value=\"3\" checked"), "the chosen rating stays chosen");
    }

    @Test
    void unknownTokenIs404() {
        assertEquals(404, client.get("/r/unknown-token", null).status());
        assertEquals(404, client.send("POST", "/r/unknown-token", null, FORM, form(5, "")).status());
        assertProblem(client.postJson("/r/unknown-token", null, "{\"rating\":5}"), 404);
    }

    @Test
    void reviewCancelsWhatIsStillPlanned() {
        String id = "RC-" + UUID.randomUUID();
        Map<String, Object> created = client.postJson("/v1/orders", key, Orders.delegated(id, "reviewer@example.org", null, null, clock.instant().plus(Duration.ofDays(3)))).json();
        String path = ((String) created.get("reviewLink")).substring(server.getURL().toString().length());

        assertEquals(200, client.send("POST", path, null, FORM, form(5, "")).status());

        assertEquals("reviewed", Orders.status(client, key, id));
        assertEquals("cancelled", Orders.firstDelivery(client, key, id).get("status"));
        assertNull(((Map<?, ?>) client.get("/v1/orders/" + id, key).json().get("review")).get("comment"), "an empty comment is no comment");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reviewsApiPagesThroughTheCallersReviewsOnly() {
        Instant start = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertEquals(200, client.send("POST", reviewPath("RP-" + i + "-" + UUID.randomUUID()), null, FORM, form(i + 1, "n" + i)).status());
        }
        String other = client.newMerchant("Other").apiKey();
        assertEquals("[]", json(client.get("/v1/reviews", other)).get("reviews").toString());

        List<Object> ratings = new ArrayList<>();
        Map<String, Object> page = json(client.get("/v1/reviews?limit=2", key));
        int pages = 1;
        ratings.addAll(((List<Map<String, Object>>) page.get("reviews")).stream().map(r -> r.get("rating")).toList());
        while (page.get("next") != null) {
            page = json(client.get("/v1/reviews?cursor=" + page.get("next"), key));
            ratings.addAll(((List<Map<String, Object>>) page.get("reviews")).stream().map(r -> r.get("rating")).toList());
            pages++;
        }
        assertEquals(List.of(1, 2, 3, 4, 5), ratings);
        assertEquals(3, pages);

        Map<String, Object> since = json(client.get("/v1/reviews?since=" + start.plusSeconds(3), key));
        assertEquals(List.of(3, 4, 5), ((List<Map<String, Object>>) since.get("reviews")).stream().map(r -> r.get("rating")).toList());
        Map<String, Object> first = ((List<Map<String, Object>>) since.get("reviews")).get(0);
        assertEquals(java.util.Set.of("transactionId", "rating", "comment", "products", "createdAt"), first.keySet());
        assertNull(since.get("next"));

        assertFieldError(client.get("/v1/reviews?limit=0", key), "limit");
        assertFieldError(client.get("/v1/reviews?limit=1001", key), "limit");
        assertFieldError(client.get("/v1/reviews?limit=ten", key), "limit");
        assertFieldError(client.get("/v1/reviews?since=yesterday", key), "since");
        assertFieldError(client.get("/v1/reviews?cursor=forged", key), "cursor");
        assertProblem(client.get("/v1/reviews", null), 401);
    }

    private static Map<String, Object> json(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
