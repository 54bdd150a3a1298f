package org.reviewgateway.gateway.outbox;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.activity.DayCount;
import org.reviewgateway.gateway.privacy.AddressHashes;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The owner of the deliveries table, the outbox: what is planned, what is still open, what became of
 * each message. Ingestion plans invitations, the dispatcher records outcomes (claims are
 * {@link DeliveryClaims}'), reviews, unsubscribes and erasures cancel what is still open.
 */
@Singleton
public class Outbox {

    private final DeliveryRepository deliveries;

    Outbox(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    public Delivery plan(Delivery delivery) {
        return deliveries.save(delivery);
    }

    /** Many at once (one JDBC batch). */
    public void planAll(List<Delivery> planned) {
        if (!planned.isEmpty()) {
            deliveries.saveAll(planned);
        }
    }

    /** Many deliveries in one read, as they are now; those that are gone are missing. */
    public List<Delivery> findAll(Collection<Long> deliveryIds) {
        return deliveries.findByIdIn(deliveryIds);
    }

    /** An order's deliveries, in the order they were planned. */
    public List<Delivery> deliveriesOf(long orderId) {
        return deliveries.findByOrderIdOrderById(orderId);
    }

    public List<Long> idsOf(long orderId) {
        return deliveries.findIdsByOrderId(orderId);
    }

    /** Of these deliveries, those whose order still holds its personal data. */
    public List<Long> holdingPersonalData(List<Long> deliveryIds) {
        return deliveries.findHoldingPersonalData(deliveryIds);
    }

    /**
     * Writes an outcome only while the claim is still ours and the delivery still open.
     *
     * @return whether it was written
     */
    public boolean recordOutcome(long deliveryId, String claim, Delivery.Status status, int attempts, Instant nextAttemptAt,
                                 @Nullable Instant sentAt, @Nullable String messageId, @Nullable String lastError, Instant now) {
        return deliveries.recordOutcome(deliveryId, claim, status, attempts, nextAttemptAt, sentAt, messageId, lastError, now) == 1;
    }

    /** Cancels what is still planned for this order. */
    public int cancelOpenFor(long orderId, Instant now) {
        return deliveries.cancelOpenForOrder(orderId, now);
    }

    /** Cancels what is still planned to this address of this merchant (while its personal data is held). */
    /** The merchant is being offboarded: nothing more is sent for it. */
    public int cancelOpenOf(UUID merchantId, Instant now) {
        return deliveries.cancelOpenOfMerchant(merchantId, now);
    }

    public int cancelOpenTo(UUID merchantId, byte[] emailHash, Instant now) {
        return deliveries.cancelPendingTo(merchantId, emailHash, now);
    }

    public long openFor(long orderId) {
        return deliveries.countOpenForOrder(orderId);
    }

    public long countOpen() {
        return deliveries.countOpen();
    }

    public long countDue(Instant now) {
        return deliveries.countDue(now);
    }

    /** Invitations (not reminders) sent per day (UTC) in [from, until); days without one are left out. */
    public List<DayCount> invitesSentPerDay(UUID merchantId, Instant from, Instant until) {
        return deliveries.countInvitesSentPerDay(merchantId, from, until);
    }

    /** Invitations and reminders given up per day (UTC) in [from, until). */
    public List<DayCount> failedPerDay(UUID merchantId, Instant from, Instant until) {
        return deliveries.countFailedPerDay(merchantId, from, until);
    }

    /** Of the invitations sent in [from, until), how many have been answered with a review. */
    public long invitesSentAndReviewed(UUID merchantId, Instant from, Instant until) {
        return deliveries.countInvitesSentAndReviewed(merchantId, from, until);
    }

    /** Invitations to this address from this merchant sent, or planned, inside the window (the cooldown). */
    public long invitesBetween(UUID merchantId, AddressHashes hashes, Instant from, Instant until) {
        return deliveries.countInvitesBetween(merchantId, hashes.current(), hashes.legacy(), from, until);
    }

}
