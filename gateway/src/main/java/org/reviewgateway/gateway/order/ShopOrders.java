package org.reviewgateway.gateway.order;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.product.ProductLine;
import org.reviewgateway.gateway.web.EmailAddresses;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.LanguageTags;

import java.util.List;
import java.util.Optional;

/**
 * What a shop's own webhooks may do to orders, through the same ingestion, cancel and erasure the API uses (so
 * idempotency, suppression, cooldown, templates and retention apply unchanged). A shop's payload is forgiving where
 * the API is strict: an odd locale or name is dropped, never the order.
 */
@Singleton
public class ShopOrders {

    /** An order as a shop's webhook told it, already cut to what the delivery mode needs. */
    public record ShopOrder(String transactionId, boolean delegated, @Nullable String email, @Nullable String firstName,
                            @Nullable String locale, List<ProductLine> products) {

        @Override
        public String toString() {
            return "ShopOrder[" + transactionId + "]";
        }
    }

    public enum Recorded { CREATED, EXISTS, NO_ADDRESS }

    private static final int MAX_NAME = 100;

    private final OrderIngestion ingestion;
    private final OrderRepository orders;
    private final PersonalDataErasure erasure;

    ShopOrders(OrderIngestion ingestion, OrderRepository orders, PersonalDataErasure erasure) {
        this.ingestion = ingestion;
        this.orders = orders;
        this.erasure = erasure;
    }

    /**
     * Creates the order unless it exists (shops retry and repeat topics: a repeat changes nothing).
     *
     * @throws InvalidInputException naming {@code field} when the shop's order id is no valid transaction ID
     */
    public Recorded record(Merchant merchant, ShopOrder order, String field) {
        if (!OrderRequestReader.TRANSACTION_ID.matcher(order.transactionId()).matches()) {
            throw new InvalidInputException(field, "must be the shop's order id (1-128 characters of A-Z a-z 0-9 . _ : -)");
        }
        if (find(merchant, order.transactionId()).isPresent()) {
            return Recorded.EXISTS;
        }
        NewOrder.Customer customer = null;
        if (order.delegated()) {
            String email = order.email() == null ? "" : order.email().trim();
            if (!EmailAddresses.isValid(email)) {
                return Recorded.NO_ADDRESS;
            }
            customer = new NewOrder.Customer(email, name(order.firstName()));
        }
        NewOrder request = new NewOrder(order.transactionId(), order.delegated() ? NewOrder.DeliveryMode.DELEGATED : NewOrder.DeliveryMode.SELF,
                order.locale() == null ? null : LanguageTags.canonical(order.locale()).orElse(null), customer, null, order.products());
        try {
            return ingestion.ingest(merchant, request).created() ? Recorded.CREATED : Recorded.EXISTS;
        } catch (TransactionConflictException raced) {
            return Recorded.EXISTS;
        }
    }

    /** As POST /v1/orders/{id}/cancel. @return whether the merchant has such an order */
    public boolean cancel(Merchant merchant, String transactionId) {
        Optional<Order> order = find(merchant, transactionId);
        order.ifPresent(erasure::cancel);
        return order.isPresent();
    }

    /** As DELETE /v1/orders/{id}/personal-data. @return whether the merchant has such an order */
    public boolean erasePersonalData(Merchant merchant, String transactionId) {
        Optional<Order> order = find(merchant, transactionId);
        order.ifPresent(erasure::eraseOrder);
        return order.isPresent();
    }

    /** As POST /v1/erasure-requests: the address's personal data goes, and the address is suppressed. */
    public void eraseAddress(Merchant merchant, String email) {
        erasure.eraseAddress(merchant, email.trim());
    }

    /** Every recipient of the merchant is deleted (the shop is gone). */
    public void eraseEveryone(Merchant merchant) {
        erasure.eraseEveryRecipientOf(merchant);
    }

    private Optional<Order> find(Merchant merchant, String transactionId) {
        return orders.findByMerchantIdAndTransactionId(merchant.id(), transactionId);
    }

    private static String name(@Nullable String firstName) {
        if (firstName == null) {
            return null;
        }
        String trimmed = firstName.trim();
        return trimmed.isEmpty() || trimmed.length() > MAX_NAME || !PersonNames.isValid(trimmed) ? null : trimmed;
    }
}
