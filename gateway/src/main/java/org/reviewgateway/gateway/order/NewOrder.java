package org.reviewgateway.gateway.order;

import io.micronaut.core.annotation.Nullable;
import org.reviewgateway.gateway.product.ProductLine;
import org.reviewgateway.gateway.product.ProductLines;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/** A validated order request. */
record NewOrder(
        String transactionId,
        DeliveryMode delivery,
        @Nullable String locale,
        @Nullable Customer customer,
        @Nullable Instant sendAt,
        List<ProductLine> products) {

    enum DeliveryMode {
        SELF("self"), DELEGATED("delegated");

        final String wire;

        DeliveryMode(String wire) {
            this.wire = wire;
        }
    }

    /** Personal data: only ever held in memory, then encrypted into {@code recipients}. */
    record Customer(String email, @Nullable String name) {

        @Override
        public String toString() {
            return "Customer[redacted]";
        }
    }

    /** Fingerprint of the anonymous part of the request, to tell a repeat from a conflict. */
    byte[] anonymousDigest() {
        String canonical = String.join("\n", transactionId, delivery.wire,
                locale == null ? "" : locale, sendAt == null ? "" : sendAt.toString()) + ProductLines.canonical(products);
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
