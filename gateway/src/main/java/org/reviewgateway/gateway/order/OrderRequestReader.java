package org.reviewgateway.gateway.order;

import io.micronaut.json.tree.JsonNode;
import org.reviewgateway.gateway.product.ProductLine;
import org.reviewgateway.gateway.product.ProductLines;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.LanguageTags;

import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/** Turns one order of a request body into a {@link NewOrder}, or a 422 naming every bad field. */
final class OrderRequestReader {

    static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(365);
    /** An earlier sendAt is a mistake (or a year no database stores), not a delay. */
    static final Instant EARLIEST_SEND_AT = Instant.parse("2000-01-01T00:00:00Z");
    private static final int MAX_NAME = 100;

    private OrderRequestReader() {
    }

    static NewOrder read(JsonNode body, Instant now) {
        JsonFields fields = JsonFields.of(body);
        String transactionId = transactionId(fields);
        NewOrder.DeliveryMode delivery = delivery(fields);
        String locale = locale(fields);
        Instant sendAt = sendAt(fields, now);
        NewOrder.Customer customer = delivery == NewOrder.DeliveryMode.SELF ? noCustomer(fields) : customer(fields);
        List<ProductLine> products = ProductLines.read(fields);
        fields.throwIfInvalid();
        return new NewOrder(transactionId, delivery, locale, customer, sendAt, products);
    }

    private static String transactionId(JsonFields fields) {
        String value = fields.requiredText("transactionId", 128);
        if (value != null && !TRANSACTION_ID.matcher(value).matches()) {
            fields.reject("transactionId", "must be 1-128 characters of A-Z a-z 0-9 . _ : - (an identifier, never an address)");
        }
        return value;
    }

    private static NewOrder.DeliveryMode delivery(JsonFields fields) {
        String value = fields.requiredText("delivery", 16);
        for (NewOrder.DeliveryMode mode : NewOrder.DeliveryMode.values()) {
            if (mode.wire.equals(value)) {
                return mode;
            }
        }
        if (value != null) {
            fields.reject("delivery", "must be \"self\" or \"delegated\"");
        }
        return null;
    }

    private static String locale(JsonFields fields) {
        String value = fields.optionalText("locale", 35);
        if (value == null) {
            return null;
        }
        return LanguageTags.canonical(value).orElseGet(() -> {
            fields.reject("locale", "must be a language tag such as en or de-DE");
            return null;
        });
    }

    private static Instant sendAt(JsonFields fields, Instant now) {
        String value = fields.optionalText("sendAt", 64);
        if (value == null) {
            return null;
        }
        Instant sendAt;
        try {
            sendAt = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeException e) {
            fields.reject("sendAt", "must be an ISO-8601 instant such as 2026-12-01T09:00:00Z");
            return null;
        }
        if (sendAt.isBefore(EARLIEST_SEND_AT)) {
            fields.reject("sendAt", "must not lie before " + EARLIEST_SEND_AT);
            return null;
        }
        if (sendAt.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            fields.reject("sendAt", "must be at most one year ahead");
        }
        return sendAt;
    }

    private static NewOrder.Customer noCustomer(JsonFields fields) {
        if (fields.hasValue("customer")) {
            fields.reject("customer", "personal data is accepted only when delivery is \"delegated\"");
        }
        return null;
    }

    private static NewOrder.Customer customer(JsonFields fields) {
        JsonFields customer = fields.object("customer");
        if (customer == null) {
            if (!fields.hasValue("customer")) {
                fields.reject("customer", "is required when delivery is \"delegated\"");
            }
            return null;
        }
        String email = customer.requiredEmail("email");
        String name = customer.optionalLine("name", MAX_NAME);
        if (name != null && !name.isBlank() && !PersonNames.isValid(name.trim())) {
            customer.reject("name", "may hold letters, spaces, apostrophes, hyphens and periods only");
        }
        if (email == null || !fields.valid()) {
            return null;
        }
        return new NewOrder.Customer(email, name == null || name.isBlank() ? null : name.trim());
    }
}
