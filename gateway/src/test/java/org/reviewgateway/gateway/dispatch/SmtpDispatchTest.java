package org.reviewgateway.gateway.dispatch;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reviewgateway.gateway.mail.MailGuard;
import org.reviewgateway.gateway.outbox.Delivery;
import org.reviewgateway.gateway.outbox.DeliveryClaims;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.LogCapture;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Names;
import org.reviewgateway.gateway.support.Orders;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delegated delivery end to end against GreenMail, a real SMTP server in this JVM. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpDispatchTest implements TestPropertyProvider {

    private static final int SMTP_PORT = freePort();
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
    DeliveryClaims claims;
    @Inject
    MailGuard guard;
    @Inject
    DataSource dataSource;
    @Inject
    ApplicationContext context;

    GatewayClient client;
    String key;
    String tag;

    @Override
    public Map<String, String> getProperties() {
        greenMail.start();
        return Map.of(
                "gateway.data-dir", "./target/test-data-smtp",
                "mail.transport", "smtp",
                "mail.smtp.host", "127.0.0.1",
                "mail.smtp.port", String.valueOf(SMTP_PORT),
                "mail.from", "reviews@gateway.example",
                "mail.rate-per-second", "1000",
                "mail.circuit-open-for", "PT1S",
                "mail.smtp.timeout", "PT2S");
    }

    @AfterAll
    void stopMailServer() {
        greenMail.stop();
    }

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        key = client.newMerchant("Acme Shop").apiKey();
        tag = UUID.randomUUID().toString().substring(0, 8);
        await().atMost(Duration.ofSeconds(5)).until(() -> !guard.sendingPaused());
    }

    private String address(String who) {
        return who + "." + tag + "@example.org";
    }

    private void order(String id, String email, String name, String locale) {
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(id, email, name, locale, clock.instant())).status());
    }

    private List<MimeMessage> messagesTo(String email) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            for (var r : m.getAllRecipients()) {
                if (((InternetAddress) r).getAddress().equalsIgnoreCase(email)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private String unsubscribePath(String email) throws Exception {
        String link = messagesTo(email).get(0).getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
        return link.substring(server.getURL().toString().length());
    }

    @Test
    void delegatedOrderBecomesExactlyOneWellFormedInvitation() throws Exception {
        client.patchJson("/v1/settings", key, "{\"senderName\":\"Acme Care\",\"replyTo\":\"care@acme.example\"}");
        String email = address("kim");
        String id = "D-" + tag;
        order(id, email, "Kim", null);

        DispatchReport report = dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertTrue(report.count(DispatchOutcome.SENT) >= 1, report::toString);
        List<MimeMessage> messages = messagesTo(email);
        assertEquals(1, messages.size(), "exactly one message");
        MimeMessage message = messages.get(0);
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertEquals("reviews@gateway.example", from.getAddress());
        assertEquals("Acme Care", from.getPersonal());
        assertEquals("care@acme.example", ((InternetAddress) message.getReplyTo()[0]).getAddress());
        assertEquals("How was your order from Acme Shop?", message.getSubject());
        assertTrue(message.getMessageID().matches("<delivery-\\d+\\.\\d+@gateway\\.example>"), message.getMessageID());
        String unsubscribe = message.getHeader("List-Unsubscribe")[0];
        assertTrue(unsubscribe.matches("<" + server.getURL() + "/u/[A-Za-z0-9_-]{24}>"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post")[0]);
        assertEquals("auto-generated", message.getHeader("Auto-Submitted")[0]);

        MimeMultipart alternative = (MimeMultipart) message.getContent();
        assertTrue(alternative.getContentType().startsWith("multipart/alternative"), alternative.getContentType());
        assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        String reviewLink = (String) client.get("/v1/orders/" + id, key).json().get("reviewLink");
        assertTrue(text.contains(reviewLink), text);
        assertTrue(html.contains("href=\"" + reviewLink + "\""), html);
        assertTrue(text.contains("Hello Kim,"), text);

        assertEquals("sent", Orders.status(client, key, id));
        Map<String, Object> invite = Orders.firstDelivery(client, key, id);
        assertEquals("sent", invite.get("status"));
        assertEquals(1, ((Number) invite.get("attempts")).intValue());
        assertNotNull(invite.get("sentAt"));
    }

    @Test
    void germanLocalePicksTheGermanTemplate() throws Exception {
        String email = address("jonas");
        order("DE-" + tag, email, null, "de-DE");
        dispatcher.dispatchDue();

        MimeMessage message = messagesTo(email).get(0);
        assertEquals("Wie war Ihre Bestellung bei Acme Shop?", message.getSubject());
        assertEquals("de", message.getHeader("Content-Language")[0]);
        String text = (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
        assertTrue(text.contains("Hallo liebe Kundin, lieber Kunde,"), text);
    }

    @Test
    void merchantTemplateEscapesNamesInHtml() throws Exception {
        assertEquals(200, client.send("PUT", "/v1/templates/en", key, "application/json",
                "{\"subject\":\"Review {{shopName}}\",\"text\":\"Hi {{customerName}}: {{reviewLink}} {{unsubscribeLink}}\","
                        + "\"html\":\"<p>Hi {{customerName}}</p><a href=\\\"{{reviewLink}}\\\">Review</a>\"}").status());
        String email = address("script");
        order("H-" + tag, email, "Zoë O'Neil", "en-GB");
        dispatcher.dispatchDue();

        MimeMessage message = messagesTo(email).get(0);
        assertEquals("Review Acme Shop", message.getSubject());
        MimeMultipart parts = (MimeMultipart) message.getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertFalse(html.contains("O'Neil"), html);
        assertTrue(html.contains("Zoë O&#39;Neil"), html);
        assertTrue(((String) parts.getBodyPart(0).getContent()).startsWith("Hi Zoë O'Neil: http"), "plain text is not escaped");
    }

    @Test
    void textOnlyTemplateSendsOnePlainPart() throws Exception {
        client.send("PUT", "/v1/templates/fr", key, "application/json", "{\"subject\":\"Avis\",\"text\":\"Merci ! {{reviewLink}} {{unsubscribeLink}}\"}");
        String email = address("plain");
        order("T-" + tag, email, null, "fr");
        dispatcher.dispatchDue();

        MimeMessage message = messagesTo(email).get(0);
        assertTrue(message.isMimeType("text/plain"), message.getContentType());
        assertTrue(((String) message.getContent()).startsWith("Merci ! http"));
    }

    @Test
    void reminderFollowsTheSentInvitationOnceAfterTheDelay() throws Exception {
        client.patchJson("/v1/settings", key, "{\"reminderDelay\":\"P3D\"}");
        String email = address("remind");
        String id = "RM-" + tag;
        order(id, email, null, null);
        dispatcher.dispatchDue();
        assertEquals(1, messagesTo(email).size());

        clock.advance(Duration.ofDays(2));
        dispatcher.dispatchDue();
        assertEquals(1, messagesTo(email).size(), "not before the delay");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        List<MimeMessage> messages = messagesTo(email);
        assertEquals(2, messages.size());
        assertEquals("Reminder: How was your order from Acme Shop?", messages.get(1).getSubject());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) client.get("/v1/orders/" + id, key).json().get("deliveries");
        assertEquals(List.of("invite", "reminder"), deliveries.stream().map(d -> d.get("kind")).toList());
        assertEquals(List.of("sent", "sent"), deliveries.stream().map(d -> d.get("status")).toList());
    }

    @Test
    void oneClickUnsubscribeSuppressesTheAddressAndCancelsWhatIsPlanned() throws Exception {
        String email = address("optout");
        order("U1-" + tag, email, null, null);
        dispatcher.dispatchDue();
        String path = unsubscribePath(email);
        String later = "U2-" + tag;
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(later, email, null, null, clock.instant().plus(Duration.ofDays(2)))).status());

        GatewayClient.Reply page = client.get(path, null);
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("<form method=\"post\""), page.body());
        assertEquals("scheduled", Orders.status(client, key, later), "a GET never unsubscribes");

        GatewayClient.Reply done = client.send("POST", path, null, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertEquals(200, done.status());
        assertTrue(done.body().contains("resubscribe"), "offers undo");
        assertEquals("suppressed", Orders.status(client, key, later));
        assertEquals("cancelled", Orders.firstDelivery(client, key, later).get("status"));

        String third = "U3-" + tag;
        Map<String, Object> suppressed = client.postJson("/v1/orders", key, Orders.delegated(third, email.toUpperCase(Locale.ROOT), null, null, null)).json();
        assertEquals("suppressed", suppressed.get("status"));
        assertEquals("none", client.get("/v1/orders/" + third, key).json().get("personalData"));
        assertEquals(0, rows("SELECT COUNT(*) FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = '" + third + "'"));

        clock.advance(Duration.ofDays(3));
        dispatcher.dispatchDue();
        assertEquals(1, messagesTo(email).size(), "nothing more was sent");

        assertEquals(200, client.send("POST", path, null, "application/x-www-form-urlencoded", "action=resubscribe").status());
        assertEquals("scheduled", client.postJson("/v1/orders", key, Orders.delegated("U4-" + tag, email, null, null, null)).json().get("status"));
    }

    @Test
    void unknownUnsubscribeTokenIs404() {
        assertEquals(404, client.get("/u/not-a-token", null).status());
        assertEquals(404, client.send("POST", "/u/not-a-token", null, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status());
    }

    @Test
    void cooldownSkipsASecondInvitationToTheSameAddress() throws Exception {
        client.patchJson("/v1/settings", key, "{\"invitationCooldown\":\"P30D\"}");
        String email = address("cool");
        order("C1-" + tag, email, null, null);
        dispatcher.dispatchDue();

        String second = "C2-" + tag;
        Map<String, Object> skipped = client.postJson("/v1/orders", key, Orders.delegated(second, " " + email.toUpperCase(Locale.ROOT), null, null, null)).json();
        assertEquals("skipped", skipped.get("status"));
        assertEquals("none", client.get("/v1/orders/" + second, key).json().get("personalData"));
        assertEquals(0, rows("SELECT COUNT(*) FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = '" + second + "'"));

        String outside = "C3-" + tag;
        assertEquals("scheduled", client.postJson("/v1/orders", key, Orders.delegated(outside, email, null, null, clock.instant().plus(Duration.ofDays(31)))).json().get("status"));
        assertEquals("scheduled", client.postJson("/v1/orders", key, Orders.delegated("C4-" + tag, address("other"), null, null, null)).json().get("status"));
    }

    @Test
    void testSendDeliversOneMarkedMessageAndStoresNoAddress() throws Exception {
        String email = address("owner");
        long recipientsBefore = rows("SELECT COUNT(*) FROM recipients");

        GatewayClient.Reply reply = client.postJson("/v1/templates/de/test-send", key, "{\"email\":\"" + email + "\"}");

        assertEquals(202, reply.status(), reply::toString);
        MimeMessage message = messagesTo(email).get(0);
        assertTrue(message.getSubject().startsWith("[Test] Wie war"), message.getSubject());
        assertEquals("true", message.getHeader("X-Review-Gateway-Test")[0]);
        assertEquals(recipientsBefore, rows("SELECT COUNT(*) FROM recipients"));
        assertEquals(422, client.postJson("/v1/templates/de/test-send", key, "{\"email\":\"nope\"}").status());

        String unsubscribe = message.getHeader("List-Unsubscribe")[0];
        assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post")[0]);
        String path = unsubscribe.replaceAll("[<>]", "").substring(server.getURL().toString().length());
        assertEquals(200, client.send("POST", path, null, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status());
        GatewayClient.Reply refused = client.postJson("/v1/templates/de/test-send", key, "{\"email\":\"" + email + "\"}");
        assertEquals(409, refused.status(), "a test message honours the opt-out: " + refused);
        assertEquals(1, messagesTo(email).size());
    }

    @Test
    void testSendsAreLimitedPerMerchant() {
        GatewayClient.Reply last = null;
        for (int i = 0; i <= 10; i++) {
            last = client.postJson("/v1/templates/en/test-send", key, "{\"email\":\"" + address("many" + i) + "\"}");
        }
        assertEquals(429, last.status(), last::toString);
        assertNotNull(last.header("Retry-After"));
        String other = client.newMerchant("Other Shop").apiKey();
        assertEquals(202, client.postJson("/v1/templates/en/test-send", other, "{\"email\":\"" + address("other") + "\"}").status());
    }

    @Test
    void logsOfTheWholeFlowHoldNoAddressOrName() throws Exception {
        String email = address("quiet");
        String name = Names.unique("Quietname");
        List<String> lines;
        try (LogCapture logs = new LogCapture()) {
            client.patchJson("/v1/settings", key, "{\"reminderDelay\":\"PT1H\"}");
            order("L-" + tag, email, name, "de");
            dispatcher.dispatchDue();
            String path = unsubscribePath(email);
            client.get(path, null);
            client.send("POST", path, null, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
            order("L2-" + tag, email, name, "de");
            clock.advance(Duration.ofHours(2));
            dispatcher.dispatchDue();
            client.postJson("/v1/templates/en/test-send", key, "{\"email\":\"" + email + "\"}");
            lines = List.copyOf(logs.lines());
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("Dispatch run")), "the capture saw the dispatcher");
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains(email.toLowerCase(Locale.ROOT)) || lower.contains(name.toLowerCase(Locale.ROOT)), () -> "leak: " + line);
        }
    }

    @Test
    void mailServerDownForAWhileLosesNothingAndSendsNothingTwice() throws Exception {
        List<String> emails = IntStream.range(0, 5).mapToObj(i -> address("down" + i)).toList();
        greenMail.stop();
        try {
            for (int i = 0; i < emails.size(); i++) {
                order("S-" + tag + "-" + i, emails.get(i), null, null);
            }
            DispatchReport whileDown = dispatcher.dispatchDue();
            assertEquals(0, whileDown.count(DispatchOutcome.SENT), whileDown::toString);
            assertTrue(guard.sendingPaused(), "the circuit opened");
            assertEquals(0, dispatcher.dispatchDue().total(), "nothing is claimed while the circuit is open");
            assertEquals("retrying", Orders.firstDelivery(client, key, "S-" + tag + "-0").get("status"));
        } finally {
            greenMail.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !guard.sendingPaused());
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();

        for (String email : emails) {
            assertEquals(1, messagesTo(email).size(), email);
        }
        for (int i = 0; i < emails.size(); i++) {
            assertEquals("sent", Orders.status(client, key, "S-" + tag + "-" + i));
        }
    }

    @Test
    void claimOfACrashedProcessRunsOutByTheDatabaseClockAndTheDeliveryIsSentOnce() throws Exception {
        String email = address("crash");
        order("X-" + tag, email, null, null);
        List<Delivery> claimed = claims.claim("crashed-process", clock.instant(), 1000, Duration.ofSeconds(3));
        assertFalse(claimed.isEmpty());

        dispatcher.dispatchDue();
        assertEquals(0, messagesTo(email).size(), "claimed by the crashed process: left alone while the lease runs");
        clock.advance(Duration.ofMinutes(10));
        dispatcher.dispatchDue();
        assertEquals(0, messagesTo(email).size(), "a replica whose clock runs ahead cannot end another's lease");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            dispatcher.dispatchDue();
            return messagesTo(email).size() == 1;
        });
        dispatcher.dispatchDue();
        assertEquals(1, messagesTo(email).size());
        assertEquals("sent", Orders.status(client, key, "X-" + tag));
    }

    @Test
    void twoDispatchersOnOneDatabaseNeverSendTheSameDeliveryTwice() throws Exception {
        List<String> emails = IntStream.range(0, 120).mapToObj(i -> address("pair" + i)).toList();
        StringBuilder batch = new StringBuilder("{\"orders\":[");
        for (int i = 0; i < emails.size(); i++) {
            batch.append(i == 0 ? "" : ",").append(Orders.delegated("P-" + tag + "-" + i, emails.get(i), null, null, clock.instant()));
        }
        assertEquals(200, client.postJson("/v1/orders/batch", key, batch.append("]}").toString()).status());
        Dispatcher second = context.createBean(Dispatcher.class);

        CompletableFuture<DispatchReport> a = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        CompletableFuture<DispatchReport> b = CompletableFuture.supplyAsync(second::dispatchDue);
        int sent = a.join().count(DispatchOutcome.SENT) + b.join().count(DispatchOutcome.SENT);
        dispatcher.dispatchDue();

        assertTrue(sent >= emails.size(), "sent " + sent);
        for (String email : emails) {
            assertEquals(1, messagesTo(email).size(), email);
        }
    }

    @Test
    void claimersRacingForTheSameDueDeliveriesTakeEachOnceAndLeaveNoneUnclaimed() throws Exception {
        StringBuilder batch = new StringBuilder("{\"orders\":[");
        for (int i = 0; i < 80; i++) {
            batch.append(i == 0 ? "" : ",").append(Orders.delegated("R-" + tag + "-" + i, address("race" + i), null, null, clock.instant()));
        }
        assertEquals(200, client.postJson("/v1/orders/batch", key, batch.append("]}").toString()).status());
        Map<Long, String> claimedBy = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> claimNames = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Long> twice = new java.util.concurrent.CopyOnWriteArrayList<>();

        List<CompletableFuture<Void>> racers = IntStream.range(0, 4).mapToObj(racer -> CompletableFuture.runAsync(() -> {
            for (int round = 0; ; round++) {
                String claim = "racer-" + racer + "-" + round + "-" + tag;
                claimNames.add(claim);
                List<Delivery> taken = claims.claim(claim, clock.instant(), 7, Duration.ofMinutes(5));
                if (taken.isEmpty()) {
                    return;
                }
                taken.forEach(d -> {
                    if (claimedBy.putIfAbsent(d.id(), claim) != null) {
                        twice.add(d.id());
                    }
                });
            }
        })).toList();
        racers.forEach(CompletableFuture::join);

        try {
            assertEquals(List.of(), twice, "no delivery is claimed by two claims");
            assertTrue(claimedBy.size() >= 80, "claimed " + claimedBy.size());
            assertEquals(List.of(), claims.claim("after-the-race-" + tag, clock.instant(), 1000, Duration.ofMinutes(5)),
                    "nothing due was left unclaimed");
        } finally {
            claimNames.forEach(claims::release);
        }
        dispatcher.dispatchDue();
        for (int i = 0; i < 80; i++) {
            assertEquals(1, messagesTo(address("race" + i)).size());
        }
    }

    private long rows(String sql) {
        return Db.count(dataSource, sql);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
