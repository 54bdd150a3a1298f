package org.reviewgateway.gateway.order;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reviewgateway.gateway.dispatch.Dispatcher;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.Orders;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
class OrderApiTest {

    private static final String EMAIL = "kim.order-test@example.org";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;
    @Inject
    DataSource dataSource;
    @Inject
    Dispatcher dispatcher;

    GatewayClient client;
    String key;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        key = client.newMerchant("Order Shop").apiKey();
    }

    private Reply post(String body) {
        return client.postJson("/v1/orders", key, body);
    }

    private static String uniqueId() {
        return "T-" + UUID.randomUUID();
    }

    private static OrderBody delegated(String id) {
        return OrderBody.delegated(id, EMAIL).name("Kim");
    }

    @Test
    void selfDeliveryIssuesUnguessableReviewLink() {
        String id = uniqueId();
        Reply reply = post(OrderBody.self(id).json());

        assertEquals(201, reply.status(), reply::toString);
        Map<String, Object> order = reply.json();
        assertEquals(id, order.get("transactionId"));
        assertEquals("self", order.get("delivery"));
        assertEquals("link_issued", order.get("status"));
        String link = (String) order.get("reviewLink");
        assertTrue(link.startsWith(server.getURL() + "/r/"), link);
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertTrue(Base64.getUrlDecoder().decode(token).length * 8 >= 128, "token entropy");
        assertTrue(token.matches("[A-Za-z0-9_-]+"), "URL-safe token");
        assertTrue(Instant.parse((String) order.get("createdAt")).isAfter(Instant.EPOCH));

        Reply second = post(OrderBody.self(uniqueId()).json());
        assertFalse(second.json().get("reviewLink").equals(link), "each order gets its own link");
    }

    @Test
    void delegatedOrderIsScheduledAtInviteDelayByDefault() {
        String id = uniqueId();
        Instant before = clock.instant();
        Reply reply = post(delegated(id).json());

        assertEquals(201, reply.status(), reply::toString);
        assertEquals("scheduled", reply.json().get("status"));
        Instant sendAt = Instant.parse((String) reply.json().get("sendAt"));
        assertEquals(before.plus(Duration.ofDays(7)).toEpochMilli(), sendAt.toEpochMilli(), 1000);
        assertFalse(reply.body().contains(EMAIL), "no address in the answer");

        Map<String, Object> details = client.get("/v1/orders/" + id, key).json();
        assertEquals("held", details.get("personalData"));
        List<?> deliveries = (List<?>) details.get("deliveries");
        assertEquals(1, deliveries.size());
        @SuppressWarnings("unchecked") Map<String, Object> invite = (Map<String, Object>) deliveries.get(0);
        assertEquals("invite", invite.get("kind"));
        assertEquals("pending", invite.get("status"));
        assertEquals(sendAt.toString(), Instant.parse((String) invite.get("dueAt")).toString());
        assertEquals(0, ((Number) invite.get("attempts")).intValue());
        assertNull(invite.get("sentAt"));
        assertFalse(client.get("/v1/orders/" + id, key).body().contains(EMAIL));
        assertEquals(1, count("SELECT COUNT(*) FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = ?", id));
    }

    @Test
    void explicitSendAtAndLocaleAreKept() {
        String id = uniqueId();
        String sendAt = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Reply reply = post(delegated(id).locale("de-DE").with("sendAt", sendAt).json());

        assertEquals(201, reply.status(), reply::toString);
        assertEquals(sendAt, reply.json().get("sendAt"));
        assertEquals("de-DE", reply.json().get("locale"));
    }

    @Test
    void sendAtInThePastIsDueAtOnce() {
        String sendAt = clock.instant().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Reply reply = post(delegated(uniqueId()).with("sendAt", sendAt).json());
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(sendAt, reply.json().get("sendAt"));
        String id = (String) reply.json().get("transactionId");
        Instant dueAt = Instant.parse((String) Orders.firstDelivery(client, key, id).get("dueAt"));
        assertTrue(!dueAt.isAfter(clock.instant()), "due now, not in the future: " + dueAt);

        dispatcher.dispatchDue();
        assertEquals("sent", Orders.status(client, key, id), "the first dispatch sends it");
    }

    @Test
    void repeatWithSameBodyAnswers200WithFirstAnswer() {
        String body = delegated(uniqueId()).locale("de-DE").json();
        Reply first = post(body);
        clock.advance(Duration.ofMinutes(5));
        Reply repeat = post(body);

        assertEquals(201, first.status());
        assertEquals(200, repeat.status(), repeat::toString);
        assertEquals(first.json(), repeat.json());
    }

    @Test
    void sameTransactionIdWithDifferentBodyIsConflict() {
        String id = uniqueId();
        assertEquals(201, post(delegated(id).json()).status());

        assertProblem(post(OrderBody.self(id).json()), 409);
        assertProblem(post(delegated(id).locale("fr").json()), 409);
        Reply otherAddress = post(OrderBody.delegated(id, "other@example.org").name("Kim").json());
        assertProblem(otherAddress, 409);
        assertFalse(otherAddress.body().contains("other@example.org"));
    }

    @Test
    void transactionIdIsUniquePerMerchantOnly() {
        String id = uniqueId();
        String other = client.newMerchant("Other Shop").apiKey();
        assertEquals(201, post(OrderBody.self(id).json()).status());
        assertEquals(201, client.postJson("/v1/orders", other, OrderBody.self(id).json()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "kim@example.org", "a/b", "with space", "tab\there", "ümlaut"})
    void transactionIdMustBeAnIdentifier(String transactionId) {
        Reply reply = post(OrderBody.self(transactionId).json());
        Map<String, Object> problem = assertFieldError(reply, "transactionId");
        assertFalse(String.valueOf(problem).contains("kim@example.org"), "problem echoes no address");
    }

    @Test
    void transactionIdOf128CharactersIsTheLimit() {
        String max = "x".repeat(128);
        assertEquals(201, post(OrderBody.self(max).json()).status());
        assertFieldError(post(OrderBody.self("y".repeat(129)).json()), "transactionId");
    }

    @Test
    void customerDataIsRefusedForSelfDeliveryAndNothingIsStored() {
        String id = uniqueId();
        Reply reply = post(OrderBody.self(id).customerField("email", EMAIL).json());

        Map<String, Object> problem = assertFieldError(reply, "customer");
        assertFalse(reply.body().contains(EMAIL));
        assertEquals(0, count("SELECT COUNT(*) FROM orders WHERE transaction_id = ?", id));
        assertProblem(client.get("/v1/orders/" + id, key), 404);
        assertTrue(problem.get("detail") instanceof String);
    }

    @Test
    void delegatedDeliveryNeedsAValidAddress() {
        assertFieldError(post(OrderBody.delegated(uniqueId(), EMAIL).without("customer").json()), "customer");
        assertFieldError(post(OrderBody.delegated(uniqueId(), EMAIL).customer(Map.of()).json()), "customer.email");
        assertFieldError(post(OrderBody.delegated(uniqueId(), EMAIL).customer(Map.of("name", "Kim")).json()), "customer.email");
        assertFieldError(post(OrderBody.delegated(uniqueId(), EMAIL).customer("kim").json()), "customer");
        for (String bad : List.of("kim", "kim@", "@example.org", "kim@example", "kim example@example.org", "kim@exa mple.org")) {
            Reply reply = post(OrderBody.delegated(uniqueId(), bad).json());
            assertFieldError(reply, "customer.email");
            assertFalse(reply.json().toString().contains(bad), () -> "problem echoes " + bad);
        }
        assertFieldError(post(OrderBody.delegated(uniqueId(), EMAIL).customerField("email", 42).json()), "customer.email");
    }

    @Test
    void customerNameIsOptionalAndLimited() {
        assertEquals(201, post(OrderBody.delegated(uniqueId(), EMAIL).json()).status());
        assertEquals(201, post(OrderBody.delegated(uniqueId(), EMAIL).name("n".repeat(100)).json()).status());
        assertFieldError(post(OrderBody.delegated(uniqueId(), EMAIL).name("n".repeat(101)).json()), "customer.name");
        assertFieldError(post(OrderBody.delegated(uniqueId(), EMAIL).name("Kim\r\nBcc: x@example.org").json()), "customer.name");
        for (String name : List.of("Kim <b>", "Kim https://evil.example", "Kim\u202Eevil", "Ki\u200Bm", "Kim2", "{{reviewLink}}")) {
            assertFieldError(post(OrderBody.delegated(uniqueId(), EMAIL).name(name).json()), "customer.name");
        }
        for (String name : List.of("Zoë", "Jean-Luc", "O\u2019Brien", "J. R.", "Łukasz", "José María", "Nguyễn")) {
            assertEquals(201, post(OrderBody.delegated(uniqueId(), EMAIL).name(name).json()).status(), name);
        }
    }

    @Test
    void addressIsTrimmedBeforeValidation() {
        String id = uniqueId();
        Reply reply = post(OrderBody.delegated(id, "  Kim@Example.org ").json());
        assertEquals(201, reply.status(), reply::toString);
        Reply repeat = post(OrderBody.delegated(id, "kim@example.org").json());
        assertEquals(200, repeat.status(), "the stored address is the trimmed one, compared case-insensitively: " + repeat);
        assertFieldError(post(OrderBody.delegated(uniqueId(), " Kim @Example.org").json()), "customer.email");
    }

    @Test
    void sendAtMustBeAnInstantAtMostOneYearAhead() {
        String tooLate = clock.instant().plus(Duration.ofDays(366)).toString();
        assertFieldError(post(delegated(uniqueId()).with("sendAt", tooLate).json()), "sendAt");
        assertFieldError(post(delegated(uniqueId()).with("sendAt", "tomorrow").json()), "sendAt");
        assertFieldError(post(delegated(uniqueId()).with("sendAt", 1764579600).json()), "sendAt");
        assertFieldError(post(delegated(uniqueId()).with("sendAt", "-999999999-01-01T00:00:00Z").json()), "sendAt");
        assertFieldError(post(delegated(uniqueId()).with("sendAt", "+999999999-12-31T23:59:59Z").json()), "sendAt");
        assertFieldError(post(delegated(uniqueId()).with("sendAt", "1999-12-31T23:59:59Z").json()), "sendAt");
        String inAYear = clock.instant().plus(Duration.ofDays(364)).toString();
        assertEquals(201, post(delegated(uniqueId()).with("sendAt", inAYear).json()).status());
    }

    @Test
    void deliveryAndLocaleAreChecked() {
        assertFieldError(post(OrderBody.self(uniqueId()).without("delivery").json()), "delivery");
        assertFieldError(post(OrderBody.self(uniqueId()).with("delivery", "email").json()), "delivery");
        assertFieldError(post(OrderBody.self(uniqueId()).without("transactionId").json()), "transactionId");
        assertFieldError(post(OrderBody.self(uniqueId()).locale("not a locale").json()), "locale");
        assertFieldError(post(OrderBody.self(uniqueId()).with("locale", 7).json()), "locale");
        assertFieldError(post("[1,2]"), "(body)");
    }

    @Test
    void everyFieldErrorIsReportedAtOnce() {
        Reply reply = post(OrderBody.delegated("a b", "x").locale("??").json());
        assertFieldError(reply, "transactionId");
        assertFieldError(reply, "customer.email");
        assertFieldError(reply, "locale");
    }

    @Test
    void unknownFieldsAreIgnoredNotStored() {
        String marker = "unknown-" + UUID.randomUUID();
        String id = uniqueId();
        Reply reply = post(OrderBody.self(id).with("status", "reviewed").with("merchantId", marker).with("plugin", Map.of("note", marker)).json());
        assertEquals(201, reply.status());
        assertEquals("link_issued", reply.json().get("status"));
        assertEquals("link_issued", Orders.status(client, key, id), "as stored");
        assertEquals(List.of(), Db.scanAllColumns(dataSource, List.of(), List.of(marker)), "no column holds an unknown field's value");
    }

    @Test
    void malformedJsonIs400() {
        Reply reply = post("{\"transactionId\":\"A-1\",\"customer\":{\"email\":\"" + EMAIL + "\"");
        assertProblem(reply, 400);
        assertFalse(reply.body().contains(EMAIL), "the parser's message quotes the input; it must not reach the client");
    }

    @Test
    void wrongContentTypeIs415() {
        assertProblem(client.send("POST", "/v1/orders", key, "text/plain", OrderBody.self("x").json()), 415);
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "{\"transactionId\":\"" + uniqueId() + "\",\"delivery\":\"self\",\"padding\":\"" + "p".repeat(1_100_000) + "\"}";
        assertProblem(post(big), 413);
    }

    @Test
    void unknownOrderIs404() {
        assertProblem(client.get("/v1/orders/nope-" + UUID.randomUUID(), key), 404);
    }

    @Test
    void anotherMerchantsOrderIs404() {
        String id = uniqueId();
        assertEquals(201, post(delegated(id).json()).status());
        String other = client.newMerchant("Nosy Shop").apiKey();

        assertProblem(client.get("/v1/orders/" + id, other), 404);
        assertEquals(200, client.get("/v1/orders/" + id, key).status());
    }

    @Test
    void merchantApiNeedsAKnownKey() {
        assertProblem(client.get("/v1/orders/x", null), 401);
        Reply unknown = client.postJson("/v1/orders", "rig_000000000000_" + "A".repeat(43), "{}");
        assertProblem(unknown, 401);
        assertEquals("Bearer", unknown.header("WWW-Authenticate"));
        assertProblem(client.get("/v1/settings", "garbage"), 401);
        assertProblem(client.get("/v1/settings", key.substring(0, key.length() - 1) + "x"), 401);
    }

    private long count(String sql, String param) {
        return Db.count(dataSource, sql, param);
    }
}
