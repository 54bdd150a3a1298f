package org.reviewgateway.gateway.dispatch;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reviewgateway.gateway.mail.DkimSigning;
import org.reviewgateway.gateway.mail.MimeMessages;
import org.reviewgateway.gateway.mail.OutgoingMail;
import org.reviewgateway.gateway.mail.RenderedMessage;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.gateway.web.CustomerTexts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What decides the inbox. DKIM: a message GreenMail received is verified by an independent verifier (Debian's
 * python3-dkim, installed by .ci/run) with the selector's public key, and one changed byte in the body or in
 * List-Unsubscribe breaks it. Content and headers: an invitation in every built-in language scores at most 2.0 in
 * SpamAssassin (local tests only) and has what Gmail's sender guidelines ask for.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliverabilityTest implements TestPropertyProvider {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SPAMASSASSIN = Path.of("/usr/bin/spamassassin");
    private static final Path KEYS = Path.of("src/test/resources/dkim");
    private final int smtpPort = freePort();
    private final GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DkimSigning dkim;
    @Inject
    CustomerTexts texts;
    @Inject
    Dispatcher dispatcher;
    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        greenMail.start();
        return Map.of(
                "gateway.data-dir", "./target/test-data-deliverability",
                "mail.transport", "smtp",
                "mail.smtp.host", "127.0.0.1",
                "mail.smtp.port", String.valueOf(smtpPort),
                "mail.from", "reviews@gateway.example",
                "mail.dkim.domain", "gateway.example",
                "mail.dkim.selector", "rig2026",
                "mail.dkim.key", KEYS.resolve("test-key.pem").toAbsolutePath().toString(),
                "gateway.public-base-url", "https://reviews.gateway.example");
    }

    @AfterAll
    void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void anIndependentVerifierAcceptsTheSignatureUntilOneByteChanges() throws Exception {
        assumeTrue(verifierInstalled(), "needs Debian's python3-dkim (apt-get install python3-dkim; .ci/run does)");
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Signed Shop").apiKey();
        assertEquals(200, client.send("PATCH", "/v1/settings", key, "application/json", "{\"replyTo\":\"care@gateway.example\"}").status());
        String email = "signed." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        assertEquals(202, client.postJson("/v1/templates/en/test-send", key, "{\"email\":\"" + email + "\"}").status());
        await().atMost(Duration.ofSeconds(10)).until(() -> received(email) != null);
        MimeMessage message = received(email);

        String signature = message.getHeader("DKIM-Signature")[0].replaceAll("\\s+", "");
        for (String tag : new String[]{"a=rsa-sha256", "c=relaxed/relaxed", "d=gateway.example", "s=rig2026"}) {
            assertTrue(signature.contains(tag), tag + " in " + signature);
        }
        Set<String> signed = Arrays.stream(tag(signature, "h").split(":")).map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        assertTrue(signed.containsAll(Set.of("from", "to", "subject", "date", "message-id", "reply-to", "mime-version", "content-type",
                "list-unsubscribe", "list-unsubscribe-post")), "signed: " + signed);
        assertNotNull(message.getHeader("Date"), "Date is set before signing");

        String raw = raw(message);
        assertEquals("pass", verify(raw));

        int body = raw.indexOf("\r\n\r\n") + 4;
        int letter = body + 40;
        while (!Character.isLetter(raw.charAt(letter))) {
            letter++;
        }
        String bodyChanged = raw.substring(0, letter) + (raw.charAt(letter) == 'x' ? 'y' : 'x') + raw.substring(letter + 1);
        assertEquals("fail", verify(bodyChanged), "one byte of the body changed");

        int unsubscribe = raw.indexOf("/u/", raw.indexOf("List-Unsubscribe:")) + 3;
        String linkChanged = raw.substring(0, unsubscribe) + (raw.charAt(unsubscribe) == 'A' ? 'B' : 'A') + raw.substring(unsubscribe + 1);
        assertEquals("fail", verify(linkChanged), "one byte of List-Unsubscribe changed");
    }

    @Test
    void signingKeepsTheMessageIdTheDeliveryRecorded() throws Exception {
        OutgoingMail mail = new OutgoingMail("<delivery-42@gateway.example>", "reviews@gateway.example", "Signed Shop", null,
                "kim@example.org", new RenderedMessage("Subject", "Text", "<p>Html</p>"), Map.of());
        MimeMessage signed = dkim.sign(MimeMessages.build(jakarta.mail.Session.getInstance(new java.util.Properties()), mail));
        String written = raw(signed);
        assertTrue(written.startsWith("DKIM-Signature:"), written);
        assertTrue(written.contains("Message-ID: <delivery-42@gateway.example>"), "a retry must carry the same Message-ID: " + written);
    }

    @Test
    void anInvitationInEveryLanguageScoresAtMostTwoInSpamAssassinAndMeetsGmailsGuidelines() throws Exception {
        assumeTrue(Files.isExecutable(SPAMASSASSIN), "needs Debian's spamassassin (.ci/run installs it)");
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Deliverable Shop").apiKey();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Double> scores = new java.util.TreeMap<>();
        for (String language : CustomerTexts.LANGUAGES) {
            String email = "inbox." + language + "." + tag + "@example.org";
            assertEquals(201, client.postJson("/v1/orders", key,
                    Orders.delegated("INBOX-" + language + "-" + tag, email, "Kim", language, clock.instant())).status());
            dispatcher.dispatchDue();
            await().atMost(Duration.ofSeconds(10)).until(() -> received(email) != null);
            MimeMessage message = received(email);

            assertNotNull(message.getHeader("Date"), language);
            assertNotNull(message.getHeader("Message-ID"), language);
            assertEquals("Deliverable Shop", ((InternetAddress) message.getFrom()[0]).getPersonal(), "From with a display name");
            assertEquals(language, message.getHeader("Content-Language")[0]);
            String unsubscribe = message.getHeader("List-Unsubscribe")[0];
            assertTrue(unsubscribe.startsWith("<https://"), unsubscribe);
            assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post")[0]);
            MimeMultipart parts = (MimeMultipart) message.getContent();
            String text = (String) parts.getBodyPart(0).getContent();
            String html = (String) parts.getBodyPart(1).getContent();
            String intro = texts.text(language, "mail.intro").replace("{{shopName}}", "Deliverable Shop");
            assertTrue(text.contains(intro) && html.contains(intro), language + ": the text part says what the HTML part says");
            for (String shortener : List.of("bit.ly", "tinyurl", "goo.gl", "t.co/", "ow.ly")) {
                assertFalse(text.contains(shortener) || html.contains(shortener), shortener);
            }

            String raw = raw(message);
            Files.createDirectories(Path.of("target/deliverability"));
            Files.writeString(Path.of("target/deliverability", language + ".eml"), raw, StandardCharsets.UTF_8);
            double score = spamScore(raw);
            scores.put(language, score);
            assertTrue(score <= 2.0, language + " scores " + score);
        }
        System.out.println("SpamAssassin scores per language: " + scores);
    }

    private static double spamScore(String message) throws Exception {
        Process spamassassin = new ProcessBuilder(SPAMASSASSIN.toString(), "-L", "-t").redirectErrorStream(false).start();
        spamassassin.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        spamassassin.getOutputStream().close();
        String output = new String(spamassassin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(spamassassin.waitFor(60, TimeUnit.SECONDS));
        java.util.regex.Matcher status = java.util.regex.Pattern.compile("X-Spam-Status: \\w+, score=(-?[0-9.]+)").matcher(output);
        assertTrue(status.find(), output);
        return Double.parseDouble(status.group(1));
    }

    private MimeMessage received(String email) throws Exception {
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (((InternetAddress) m.getAllRecipients()[0]).getAddress().equalsIgnoreCase(email)) {
                return m;
            }
        }
        return null;
    }

    /** The message as received: GreenMail keeps the header lines and body bytes it was sent. */
    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String tag(String signature, String name) {
        for (String part : signature.split(";")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + "= in " + signature);
    }

    private static String verify(String message) throws Exception {
        Process python = new ProcessBuilder(PYTHON.toString(), KEYS.resolve("verify.py").toString(),
                KEYS.resolve("test-key.public.b64").toString()).redirectErrorStream(true).start();
        python.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(python.waitFor(30, TimeUnit.SECONDS));
        return output.endsWith("pass") ? "pass" : output.endsWith("fail") ? "fail" : output;
    }

    private static boolean verifierInstalled() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import dkim").start();
        return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
