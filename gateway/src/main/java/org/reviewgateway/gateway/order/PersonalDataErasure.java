package org.reviewgateway.gateway.order;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.mail.MailSender;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.privacy.AddressHashes;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.suppression.AddressLocks;
import org.reviewgateway.gateway.suppression.Suppressions;
import org.reviewgateway.retention.PersonalDataEraser;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Data-subject rights and cancellations: deletes an order's personal data now (what the retention
 * purge would do later), cancels what was still planned for it, has the mail transport delete any copy
 * it kept of the messages, and keeps the anonymous rest.
 */
@Singleton
class PersonalDataErasure {

    private static final int ERASE_BATCH = 500;

    private final OrderRepository orders;
    private final OrderLifecycle lifecycle;
    private final RecipientRepository recipients;
    private final Outbox deliveries;
    private final Suppressions suppressions;
    private final PiiCipher cipher;
    private final MailSender mail;
    private final AddressLocks locks;
    private final ReviewsOfOrders reviews;
    private final PersonalDataEraser eraser;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    PersonalDataErasure(OrderRepository orders, OrderLifecycle lifecycle, RecipientRepository recipients, Outbox deliveries,
                        Suppressions suppressions, PiiCipher cipher, MailSender mail, AddressLocks locks, ReviewsOfOrders reviews,
                        PersonalDataEraser eraser, TransactionOperations<Connection> transactions, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.recipients = recipients;
        this.deliveries = deliveries;
        this.suppressions = suppressions;
        this.cipher = cipher;
        this.mail = mail;
        this.locks = locks;
        this.reviews = reviews;
        this.eraser = eraser;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Through the one {@link PersonalDataEraser} the purge uses too: an invitation not sent yet ends the order
     * {@code cancelled}; then the mail transport deletes any copy it kept.
     *
     * @return whether this call deleted personal data (false when none was held any more)
     */
    @Transactional
    public boolean eraseOrder(Order order) {
        return erase(order, PersonalDataEraser.Unsent.CANCELLED);
    }

    private boolean erase(Order order, PersonalDataEraser.Unsent unsent) {
        boolean deleted;
        try {
            deleted = eraser.erase(transactions.getConnection(), List.of(order.id()), clock.instant(), unsent) > 0;
        } catch (SQLException e) {
            throw new DataAccessException("could not erase the order's personal data", e);
        }
        mail.forget(deliveries.idsOf(order.id()));
        return deleted;
    }

    /** The order was cancelled, refunded or returned: nothing more is sent and its personal data goes now. */
    @Transactional
    public void cancel(Order order) {
        eraseOrder(order);
        lifecycle.cancelled(order.id());
    }

    /**
     * Every order of this merchant for this address loses its personal data, and the address is
     * suppressed so it is not stored again; an invitation not yet sent becomes {@code suppressed}. The comments of
     * those orders' reviews go too (a customer may have typed a name); the ratings stay.
     *
     * @return how many orders' personal data this request deleted
     */
    @Transactional
    public int eraseAddress(Merchant merchant, String email) {
        AddressHashes hashes = cipher.addressHashes(merchant.id(), email);
        byte[] hash = hashes.current();
        locks.lock(merchant.id(), hashes);
        int affected = 0;
        List<Long> found = new java.util.ArrayList<>();
        for (Recipient recipient : recipients.findByAddress(merchant.id(), hashes.current(), hashes.legacy())) {
            Order order = orders.findById(recipient.orderId()).orElseThrow();
            found.add(order.id());
            if (erase(order, PersonalDataEraser.Unsent.SUPPRESSED)) {
                affected++;
            }
        }
        reviews.forgetComments(found);
        suppressions.suppress(merchant.id(), hash, Suppressions.Reason.ERASURE);
        return affected;
    }

    /**
     * The shop asked for all its customers' personal data to go (Shopify's shop/redact): every recipient of the
     * merchant is erased, a batch per transaction so that the work done stands even if the shop gives up waiting;
     * an invitation not yet sent is cancelled.
     */
    public void eraseEveryRecipientOf(Merchant merchant) {
        boolean more = true;
        while (more) {
            more = transactions.executeWrite(status -> {
                List<Long> batch = recipients.findOrderIdsByMerchantId(merchant.id(), ERASE_BATCH);
                if (!batch.isEmpty()) {
                    eraseBatch(batch);
                    batch.forEach(orderId -> mail.forget(deliveries.idsOf(orderId)));
                }
                return !batch.isEmpty();
            });
        }
    }

    private void eraseBatch(List<Long> orderIds) {
        try {
            eraser.erase(transactions.getConnection(), orderIds, clock.instant(), PersonalDataEraser.Unsent.CANCELLED);
        } catch (SQLException e) {
            throw new DataAccessException("could not erase the merchant's personal data", e);
        }
    }
}
