package org.reviewgateway.gateway.dispatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reviewgateway.config.DispatchConfiguration;
import org.reviewgateway.gateway.mail.MailFailure;
import org.reviewgateway.gateway.outbox.Delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of dispatch: SMTP reply classes (RFC 3463), backoff with jitter, give-up. */
class DispatchRulesTest {

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            "'451 4.7.1 greylisted', RECIPIENT, TRANSIENT",
            "'550 5.1.1 <a@b.example> unknown', RECIPIENT, UNKNOWN_MAILBOX",
            "'550-5.1.1 The email account does not exist', RECIPIENT, UNKNOWN_MAILBOX",
            "'550 5.2.1 mailbox disabled', RECIPIENT, UNKNOWN_MAILBOX",
            "'550 5.1.1 user unknown', DATA, UNKNOWN_MAILBOX",
            "'550 no such user', RECIPIENT, UNKNOWN_MAILBOX",
            "'550 no such user', DATA, PERMANENT",
            "'553 5.7.1 Sender address rejected', RECIPIENT, POLICY",
            "'550 5.7.1 Relaying denied', RECIPIENT, POLICY",
            "'550 5.1.7 bad sender mailbox syntax', RECIPIENT, POLICY",
            "'550 5.1.1 sender unknown', SENDER, POLICY",
            "'554 5.7.1 message refused', DATA, POLICY",
            "'552 5.2.2 mailbox full', RECIPIENT, PERMANENT",
            "'554 5.6.0 content rejected', DATA, PERMANENT"})
    void replyClasses(String reply, MailFailure.Stage stage, MailFailure.Kind kind) {
        MailFailure failure = MailFailure.ofReply(Integer.parseInt(reply.substring(0, 3)), reply, stage);
        assertEquals(kind, failure.kind());
        assertFalse(failure.getMessage().contains("@"), "the reply text is not kept: " + failure.getMessage());
    }

    @Test
    void onlyTemporaryAndPolicyFailuresCountAgainstTheMailServer() {
        assertTrue(new MailFailure(MailFailure.Kind.TRANSIENT, 451, "x").serverTrouble());
        assertTrue(new MailFailure(MailFailure.Kind.POLICY, 550, "x").serverTrouble());
        assertFalse(new MailFailure(MailFailure.Kind.UNKNOWN_MAILBOX, 550, "x").serverTrouble());
        assertFalse(new MailFailure(MailFailure.Kind.PERMANENT, 552, "x").serverTrouble());
    }

    private static DispatchConfiguration configuration() {
        return new DispatchConfiguration(true, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofDays(3),
                100, Duration.ofMinutes(5), 1, 32);
    }

    @Test
    void backoffDoublesUpToTheMaximumLessUpToAQuarterAtRandom() {
        DispatchConfiguration c = configuration();
        assertEquals(Duration.ofMinutes(1), Backoff.after(1, c, 0));
        assertEquals(Duration.ofMinutes(4), Backoff.after(3, c, 0));
        assertEquals(Duration.ofHours(6), Backoff.after(30, c, 0));
        Duration jittered = Backoff.after(1, c, 0.999999);
        assertTrue(jittered.compareTo(Duration.ofSeconds(45)) >= 0 && jittered.compareTo(Duration.ofMinutes(1)) < 0, "at most a quarter off: " + jittered);
        assertEquals(Duration.ofSeconds(105), Backoff.after(2, c, 0.5));
    }

    @Test
    void giveUpCountsFromTheFirstAttempt() {
        DispatchConfiguration c = configuration();
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        Delivery backdated = Delivery.pendingInvite(1L, UUID.randomUUID(), now.minus(Duration.ofDays(10)), now);
        assertFalse(Backoff.givenUp(backdated, now, c), "never attempted: its first attempt is now");
        Delivery tried = new Delivery(1L, 1L, backdated.merchantId(), Delivery.Kind.INVITE, Delivery.Status.RETRYING, backdated.dueAt(), now, 3,
                null, null, null, null, null, now, now, now.minus(Duration.ofDays(3)));
        assertTrue(Backoff.givenUp(tried, now, c));
    }
}
