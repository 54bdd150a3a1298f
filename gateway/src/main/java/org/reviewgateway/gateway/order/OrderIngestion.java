package org.reviewgateway.gateway.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.reviewgateway.config.RetentionConfiguration;
import org.reviewgateway.gateway.data.MerchantKeys;
import org.reviewgateway.gateway.data.UniqueViolation;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.outbox.Delivery;
import org.reviewgateway.gateway.privacy.AddressHashes;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.privacy.UnsubscribeTokens;
import org.reviewgateway.gateway.suppression.AddressLocks;
import org.reviewgateway.gateway.web.DomainException;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records an order: idempotent on (merchant, transaction ID), settled by the unique constraint so
 * that two racing identical requests give one 201 and one 200.
 */
@Singleton
public class OrderIngestion {

    static final int REVIEW_TOKEN_BYTES = 18;

    private final OrderRepository orders;
    private final MerchantKeys merchantKeys;
    private final RecipientRepository recipients;
    private final OrderWriter writer;
    private final OrderCommits commits;
    private final OrderViews views;
    private final PiiCipher cipher;
    private final SecretTokens tokens;
    private final UnsubscribeTokens unsubscribeTokens;
    private final RetentionConfiguration retention;
    private final MeterRegistry meters;
    private final Clock clock;

    OrderIngestion(OrderRepository orders, MerchantKeys merchantKeys, RecipientRepository recipients, OrderWriter writer,
                   OrderCommits commits, OrderViews views, PiiCipher cipher, SecretTokens tokens, UnsubscribeTokens unsubscribeTokens,
                   RetentionConfiguration retention, MeterRegistry meters, Clock clock) {
        this.orders = orders;
        this.merchantKeys = merchantKeys;
        this.recipients = recipients;
        this.writer = writer;
        this.commits = commits;
        this.views = views;
        this.cipher = cipher;
        this.tokens = tokens;
        this.unsubscribeTokens = unsubscribeTokens;
        this.retention = retention;
        this.meters = meters;
        this.clock = clock;
    }

    /** The outcome: whether this call created the order, and the order as the API shows it. */
    public record Ingested(boolean created, OrderResponse order) {
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * One order, committed with whatever other single orders arrive at the same moment (see {@link OrderCommits});
     * if that shared transaction fails, the order is written again in a transaction of its own, where a request
     * racing for the same transaction ID loses to the unique constraint.
     */
    Ingested ingest(Merchant merchant, NewOrder request) {
        Optional<Ingested> repeated = repeatOf(merchant, request);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        NewRows rows = prepare(merchant, request);
        try {
            return counted(created(commits.write(rows), rows.token()));
        } catch (OrderCommits.GroupRolledBack sharedTransactionFailed) {
            return counted(ingestAlone(merchant, request));
        }
    }

    private Ingested ingestAlone(Merchant merchant, NewOrder request) {
        try {
            return ingestWithoutSettlingRaces(merchant, request);
        } catch (DataAccessException e) {
            if (!UniqueViolation.isCauseOf(e)) {
                throw e;
            }
            return repeatOf(merchant, request).orElseThrow(() -> e);
        }
    }

    /**
     * For a caller that holds the transaction (a batch): a racing insert surfaces as the unique violation,
     * which must roll the caller's whole transaction back; the caller counts what it committed.
     */
    Ingested ingestWithoutSettlingRaces(Merchant merchant, NewOrder request) {
        Optional<Ingested> repeated = repeatOf(merchant, request);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        NewRows rows = prepare(merchant, request);
        return created(writer.insert(rows), rows.token());
    }

    /** One order of a batch: how it was recorded, or the rule that refused it. */
    record BatchOutcome(@Nullable Ingested ingested, @Nullable DomainException refusal) {
    }

    /**
     * For a batch in its own transaction, its address locks taken: the repeats answered as they come, the new orders
     * written together ({@link OrderWriter#insertAll}). A transaction ID twice in the batch: one by one, so the second
     * is answered as the first's repeat.
     */
    List<BatchOutcome> ingestAllWithoutSettlingRaces(Merchant merchant, List<NewOrder> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        if (requests.stream().map(NewOrder::transactionId).distinct().count() < requests.size()) {
            return requests.stream().map(r -> outcomeOf(() -> ingestWithoutSettlingRaces(merchant, r))).toList();
        }
        List<BatchOutcome> outcomes = new ArrayList<>(requests.size());
        List<NewRows> toWrite = new ArrayList<>();
        List<Integer> writtenAt = new ArrayList<>();
        Set<String> known = merchantKeys.present("orders", "transaction_id", merchant.id(),
                requests.stream().map(NewOrder::transactionId).toArray(String[]::new), "varchar", rs -> rs.getString(1));
        for (NewOrder request : requests) {
            Optional<Order> existing = known.contains(request.transactionId())
                    ? orders.findByMerchantIdAndTransactionId(merchant.id(), request.transactionId()) : Optional.empty();
            if (existing.isPresent()) {
                outcomes.add(outcomeOf(() -> repeat(existing.get(), request)));
            } else {
                writtenAt.add(outcomes.size());
                outcomes.add(null);
                toWrite.add(prepare(merchant, request));
            }
        }
        List<Order> saved = writer.insertAll(toWrite);
        for (int i = 0; i < saved.size(); i++) {
            outcomes.set(writtenAt.get(i), new BatchOutcome(created(saved.get(i), toWrite.get(i).token()), null));
        }
        return outcomes;
    }

    private static BatchOutcome outcomeOf(Supplier<Ingested> ingest) {
        try {
            return new BatchOutcome(ingest.get(), null);
        } catch (DomainException e) {
            return new BatchOutcome(null, e);
        }
    }

    /** For a caller that writes several orders in one transaction: takes their address locks first, in one order. */
    void lockAddressesOf(Merchant merchant, List<NewOrder> requests) {
        writer.lockAddresses(requests.stream().filter(r -> r.delivery() == NewOrder.DeliveryMode.DELEGATED)
                .flatMap(r -> AddressLocks.both(merchant.id(), cipher.addressHashes(merchant.id(), r.customer().email())).stream()).toList());
    }

    Ingested counted(Ingested result) {
        if (result.created()) {
            Counter.builder("gateway.orders.ingested").description("Orders recorded, by delivery mode and first status")
                    .tag("delivery", result.order().delivery()).tag("status", result.order().status())
                    .register(meters).increment();
        }
        return result;
    }

    /** Everything but the database write: tokens and encryption; suppression and cooldown are the writer's, inside its transaction. */
    private NewRows prepare(Merchant merchant, NewOrder request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String token = tokens.newToken(REVIEW_TOKEN_BYTES);
        if (request.delivery() == NewOrder.DeliveryMode.SELF) {
            return new NewRows(newOrder(merchant, request, token, OrderStatus.LINK_ISSUED, PersonalData.NONE, null, now), token, request.products());
        }
        Instant dueAt = dueAt(merchant, request, now);
        AddressHashes hashes = cipher.addressHashes(merchant.id(), request.customer().email());
        Order order = newOrder(merchant, request, token, OrderStatus.SCHEDULED, PersonalData.HELD, dueAt, now);
        Recipient recipient = recipient(merchant, request.customer(), hashes, purgeAfter(merchant, dueAt, now), now);
        return new NewRows(order, orderId -> recipient.withOrder(orderId, SecretTokens.hash(unsubscribeTokens.forOrder(merchant.id(), orderId))),
                orderId -> Delivery.pendingInvite(orderId, merchant.id(), dueAt, now), token,
                new NewRows.Screening(merchant.id(), hashes, dueAt, merchant.invitationCooldown()), request.products());
    }

    private Ingested created(Order order, String token) {
        return new Ingested(true, views.response(order, token));
    }

    private Order newOrder(Merchant merchant, NewOrder request, String token, OrderStatus status, PersonalData personalData,
                           Instant sendAt, Instant now) {
        return new Order(null, merchant.id(), request.transactionId(), request.delivery().wire, request.locale(),
                status, personalData, SecretTokens.hash(token), cipher.encrypt(merchant.id(), token), request.anonymousDigest(),
                sendAt, now, now);
    }

    /** The answer to a repeated request, if this merchant already has the transaction ID (409 when the data differ). */
    private Optional<Ingested> repeatOf(Merchant merchant, NewOrder request) {
        return orders.findByMerchantIdAndTransactionId(merchant.id(), request.transactionId()).map(existing -> repeat(existing, request));
    }

    private Ingested repeat(Order existing, NewOrder request) {
        if (!MessageDigest.isEqual(existing.requestDigest(), request.anonymousDigest()) || !sameCustomer(existing, request)) {
            throw new TransactionConflictException();
        }
        return new Ingested(false, views.response(existing));
    }

    /** A held recipient must match; once its data is gone there is nothing left to compare. */
    private boolean sameCustomer(Order existing, NewOrder request) {
        if (request.customer() == null) {
            return true;
        }
        return recipients.findByOrderId(existing.id())
                .map(r -> cipher.isCustomerDigest(existing.merchantId(), r.customerDigest(), request.customer().email(), request.customer().name()))
                .orElse(true);
    }

    /**
     * The recipient row, encrypted; its order's ID (and the unsubscribe token derived from it) come with the insert. A
     * merchant moved from the master-key scheme keeps the old hash beside the new one, so an old link still finds it.
     */
    private Recipient recipient(Merchant merchant, NewOrder.Customer customer, AddressHashes hashes, Instant purgeAfter, Instant now) {
        return new Recipient(null, null, merchant.id(), cipher.keyId(merchant.id()),
                cipher.encrypt(merchant.id(), customer.email()),
                customer.name() == null ? null : cipher.encrypt(merchant.id(), customer.name()),
                hashes.current(), customerDigest(merchant.id(), customer), purgeAfter, now, null,
                java.util.Arrays.equals(hashes.current(), hashes.legacy()) ? null : hashes.legacy());
    }

    private byte[] customerDigest(UUID merchantId, NewOrder.Customer customer) {
        return cipher.customerDigest(merchantId, customer.email(), customer.name());
    }

    private static Instant dueAt(Merchant merchant, NewOrder request, Instant now) {
        return request.sendAt() != null ? request.sendAt() : now.plus(merchant.inviteDelay());
    }

    /** Kept for the retention period after the invitation is due, never past the operator's maximum. */
    private Instant purgeAfter(Merchant merchant, Instant dueAt, Instant now) {
        return retention.purgeAfter(dueAt, merchant.retention(), now);
    }

}
