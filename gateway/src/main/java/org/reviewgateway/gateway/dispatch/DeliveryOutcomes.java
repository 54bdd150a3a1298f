package org.reviewgateway.gateway.dispatch;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.config.RetentionConfiguration;
import org.reviewgateway.gateway.mail.MailFailure;
import org.reviewgateway.gateway.order.OrderLifecycle;
import org.reviewgateway.gateway.outbox.Delivery;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.suppression.AddressLocks;
import org.reviewgateway.gateway.suppression.Suppressions;
import org.reviewgateway.gateway.webhook.WebhookEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Records what happened to a delivery, and what follows from it, in one transaction: the order's
 * status, the reminder, the suppression of a bounced address, the merchant's webhook event, and the new
 * purge time once the last planned message is done.
 */
@Singleton
class DeliveryOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final Outbox deliveries;
    private final OrderLifecycle orders;
    private final Suppressions suppressions;
    private final RetentionConfiguration retention;
    private final AddressLocks locks;
    private final WebhookEvents events;

    DeliveryOutcomes(Outbox deliveries, OrderLifecycle orders,
                     Suppressions suppressions, RetentionConfiguration retention, AddressLocks locks, WebhookEvents events) {
        this.deliveries = deliveries;
        this.orders = orders;
        this.suppressions = suppressions;
        this.retention = retention;
        this.locks = locks;
        this.events = events;
    }

    @Transactional
    public void sent(Dispatchable d, String claim, String messageId, Instant now) {
        Delivery delivery = d.delivery();
        if (!record(delivery, claim, Delivery.Status.SENT, delivery.attempts() + 1, delivery.nextAttemptAt(), now, messageId, null, now)) {
            // cancelled or taken over while on the wire: the message went out all the same, so did the invitation
            if (d.invite() && orders.invitationSent(d.order().id())) {
                events.invitationSent(d.merchant().id(), d.order().transactionId(), delivery.kind().wire(), now);
            }
            return;
        }
        events.invitationSent(d.merchant().id(), d.order().transactionId(), delivery.kind().wire(), now);
        // A reminder only for an order still waiting for its invitation: never for one cancelled or suppressed meanwhile.
        if (d.invite() && orders.invitationSent(d.order().id())) {
            Duration reminderDelay = d.merchant().reminderDelay();
            if (reminderDelay != null) {
                deliveries.plan(Delivery.pending(Delivery.Kind.REMINDER, d.order().id(), d.merchant().id(), now.plus(reminderDelay), now));
            }
        }
        afterFinalOutcome(d, now);
    }

    @Transactional
    public void retry(Dispatchable d, String claim, MailFailure failure, Instant nextAttemptAt, Instant now) {
        Delivery delivery = d.delivery();
        if (!record(delivery, claim, Delivery.Status.RETRYING, delivery.attempts() + 1, nextAttemptAt, null, null, failure.getMessage(), now)
                && d.invite()) {
            orders.nobodyToInviteOnceDataIsGone(d.order().id());
        }
    }

    @Transactional
    public void failed(Dispatchable d, String claim, MailFailure failure, Instant now) {
        if (failure.kind() == MailFailure.Kind.UNKNOWN_MAILBOX) {
            // the address lock before any row, in the order unsubscribes and erasures take them
            locks.lock(d.merchant().id(), d.recipient().emailHash());
        }
        Delivery delivery = d.delivery();
        if (!record(delivery, claim, Delivery.Status.FAILED, delivery.attempts() + 1, delivery.nextAttemptAt(), null, null, failure.getMessage(), now)) {
            if (d.invite()) {
                orders.nobodyToInviteOnceDataIsGone(d.order().id());
            }
            return;
        }
        if (d.invite()) {
            orders.invitationFailed(d.order().id());
        }
        events.invitationFailed(d.merchant().id(), d.order().transactionId(), delivery.kind().wire(), now);
        if (failure.kind() == MailFailure.Kind.UNKNOWN_MAILBOX) {
            suppressions.suppress(d.merchant().id(), d.recipient().emailHash(), Suppressions.Reason.BOUNCE);
        }
        afterFinalOutcome(d, now);
    }

    /** Not sent and never will be: the address opted out, the data is gone, or a review made it moot. */
    @Transactional
    public void cancelled(Dispatchable d, String claim, boolean suppressed, String reason, Instant now) {
        Delivery delivery = d.delivery();
        if (!record(delivery, claim, Delivery.Status.CANCELLED, delivery.attempts(), delivery.nextAttemptAt(), null, null, reason, now)) {
            return;
        }
        if (suppressed && d.invite()) {
            orders.invitationSuppressed(d.order().id());
        } else if (d.invite() && d.recipient() == null) {
            // an invitation that never went out and nobody left to invite: the order ends cancelled, as the eraser decides
            orders.nobodyToInvite(d.order().id());
        }
        afterFinalOutcome(d, now);
    }

    private boolean record(Delivery delivery, String claim, Delivery.Status status, int attempts, Instant nextAttemptAt,
                           Instant sentAt, String messageId, String error, Instant now) {
        boolean recorded = deliveries.recordOutcome(delivery.id(), claim, status, attempts, nextAttemptAt, sentAt, messageId, error, now);
        if (!recorded) {
            LOG.warn("Delivery {} was cancelled or taken over by another dispatcher before its outcome ({}) was recorded", delivery.id(), status);
        }
        return recorded;
    }

    /** Once nothing more is planned, the data is kept for the retention period from now, capped at the maximum. */
    private void afterFinalOutcome(Dispatchable d, Instant now) {
        if (d.recipient() == null || deliveries.openFor(d.order().id()) > 0) {
            return;
        }
        orders.retainPersonalDataUntil(d.order().id(), retention.purgeAfter(now, d.merchant().retention(), d.recipient().createdAt()));
    }
}
