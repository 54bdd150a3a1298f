package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.Set;

/** The only values a template can reach. Everything else is refused when the template is saved. */
public record Placeholders(String shopName, @Nullable String customerName, String reviewLink,
                           String unsubscribeLink, String transactionId) {

    static final String REVIEW_LINK = "reviewLink";
    static final String UNSUBSCRIBE_LINK = "unsubscribeLink";
    static final Set<String> NAMES = Set.of("shopName", "customerName", REVIEW_LINK, UNSUBSCRIBE_LINK, "transactionId");

    Map<String, String> values(String customerNameFallback) {
        return Map.of(
                "shopName", shopName,
                "customerName", customerName == null ? customerNameFallback : customerName,
                REVIEW_LINK, reviewLink,
                "unsubscribeLink", unsubscribeLink,
                "transactionId", transactionId);
    }
}
