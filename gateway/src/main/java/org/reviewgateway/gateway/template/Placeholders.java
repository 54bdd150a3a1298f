package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;
import org.reviewgateway.gateway.merchant.Merchant;

import java.util.Map;
import java.util.Set;

/** The only values a template can reach. Everything else is refused when the template is saved. */
public record Placeholders(String shopName, @Nullable String shopUrl, @Nullable String privacyPolicyUrl, @Nullable String imprint,
                           @Nullable String customerName, String reviewLink, String unsubscribeLink, String transactionId) {

    static final String REVIEW_LINK = "reviewLink";
    static final String UNSUBSCRIBE_LINK = "unsubscribeLink";
    static final Set<String> NAMES = Set.of("shopName", "shopUrl", "privacyPolicyUrl", "imprint", "customerName", REVIEW_LINK,
            UNSUBSCRIBE_LINK, "transactionId");

    /** The values of one message of this merchant; the shop's own settings fill shopName, shopUrl, privacyPolicyUrl, imprint. */
    public static Placeholders of(Merchant merchant, @Nullable String customerName, String reviewLink, String unsubscribeLink,
                                  String transactionId) {
        return new Placeholders(merchant.shopName(), merchant.shopUrl(), merchant.privacyPolicyUrl(), merchant.imprint(), customerName,
                reviewLink, unsubscribeLink, transactionId);
    }

    /** Every placeholder's text; a setting the merchant left empty reads as nothing. */
    Map<String, String> values(String customerNameFallback) {
        return Map.of(
                "shopName", shopName,
                "shopUrl", shopUrl == null ? "" : shopUrl,
                "privacyPolicyUrl", privacyPolicyUrl == null ? "" : privacyPolicyUrl,
                "imprint", imprint == null ? "" : imprint,
                "customerName", customerName == null ? customerNameFallback : customerName,
                REVIEW_LINK, reviewLink,
                UNSUBSCRIBE_LINK, unsubscribeLink,
                "transactionId", transactionId);
    }
}
