package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;

import java.util.Set;

/**
 * WooCommerce's order topics, from a verified body. Its {@code transaction_id} is the payment provider's reference,
 * never the order: the order is {@code id}.
 */
@Singleton
class WooCommerceHooks {

    /** All the gateway reads of a WooCommerce payload; everything else is skipped unread. */
    static final Set<String> FIELDS = Set.of("id", "status", "billing.email", "billing.first_name",
            "line_items[].product_id", "line_items[].sku", "line_items[].name");
    private static final Set<String> ENDED = Set.of("cancelled", "refunded", "failed");

    private final ShopActions actions;

    WooCommerceHooks(ShopActions actions) {
        this.actions = actions;
    }

    /** @throws org.reviewgateway.gateway.web.DomainException MALFORMED when the body is no JSON object, whatever the topic */
    HookAnswer handle(Merchant merchant, Connector connector, @Nullable String topic, byte[] body) {
        JsonProjection payload = JsonProjection.of(body, FIELDS);
        return switch (topic == null ? "" : topic) {
            case "order.created", "order.updated" -> changed(merchant, connector, payload);
            case "order.deleted" -> actions.cancel(merchant, ShopActions.required(payload.text("id"), "id"));
            default -> HookAnswer.ignored(ShopActions.TOPIC, null);
        };
    }

    private HookAnswer changed(Merchant merchant, Connector connector, JsonProjection order) {
        String id = ShopActions.required(order.text("id"), "id");
        String status = order.text("status");
        if (connector.triggerStatus().equals(status)) {
            return actions.create(merchant, connector, id, order.text("billing.email"), order.text("billing.first_name"), null,
                    ShopLineItems.products(order.items("line_items[]"), "name", true));
        }
        if (status != null && ENDED.contains(status)) {
            return actions.cancel(merchant, id);
        }
        return HookAnswer.ignored(ShopActions.TRIGGER, id);
    }
}
