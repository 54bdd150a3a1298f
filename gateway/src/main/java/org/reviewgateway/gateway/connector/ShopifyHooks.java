package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;

import java.util.Set;

/** Shopify's order topics and its mandatory privacy topics, from a verified body. */
@Singleton
class ShopifyHooks {

    /** All the gateway reads of a Shopify payload; everything else is skipped unread. */
    static final Set<String> FIELDS = Set.of("id", "order_id", "email", "contact_email", "customer_locale",
            "customer.email", "customer.first_name", "billing_address.first_name", "orders_to_redact[]",
            "line_items[].product_id", "line_items[].sku", "line_items[].title");

    private final ShopActions actions;

    ShopifyHooks(ShopActions actions) {
        this.actions = actions;
    }

    /** @throws org.reviewgateway.gateway.web.DomainException MALFORMED when the body is no JSON object, whatever the topic */
    HookAnswer handle(Merchant merchant, Connector connector, @Nullable String topic, byte[] body) {
        JsonProjection payload = JsonProjection.of(body, FIELDS);
        return switch (topic == null ? "" : topic) {
            case "orders/paid" -> created(merchant, connector, "paid", payload);
            case "orders/fulfilled" -> created(merchant, connector, "fulfilled", payload);
            case "orders/cancelled" -> actions.cancel(merchant, ShopActions.required(payload.text("id"), "id"));
            case "refunds/create" -> actions.cancel(merchant, ShopActions.required(payload.text("order_id"), "order_id"));
            case "customers/redact" -> customerRedacted(merchant, payload);
            case "shop/redact" -> {
                actions.eraseEveryone(merchant);
                yield HookAnswer.erased(null);
            }
            default -> HookAnswer.ignored(ShopActions.TOPIC, null);
        };
    }

    private HookAnswer created(Merchant merchant, Connector connector, String trigger, JsonProjection order) {
        String id = ShopActions.required(order.text("id"), "id");
        if (!trigger.equals(connector.triggerStatus())) {
            return HookAnswer.ignored(ShopActions.TRIGGER, id);
        }
        return actions.create(merchant, connector, id, order.firstText("email", "contact_email", "customer.email"),
                order.firstText("customer.first_name", "billing_address.first_name"), order.text("customer_locale"),
                ShopLineItems.products(order.items("line_items[]"), "title", false));
    }

    private HookAnswer customerRedacted(Merchant merchant, JsonProjection request) {
        actions.eraseAddress(merchant, request.text("customer.email"));
        request.texts("orders_to_redact[]").forEach(id -> actions.erasePersonalData(merchant, id));
        return HookAnswer.erased(null);
    }
}
