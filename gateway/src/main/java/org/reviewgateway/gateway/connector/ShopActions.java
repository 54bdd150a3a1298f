package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.order.ShopOrders;
import org.reviewgateway.gateway.product.ProductLine;
import org.reviewgateway.gateway.web.EmailAddresses;
import org.reviewgateway.gateway.web.InvalidInputException;

import java.util.List;

/** The answers both platforms share: what creating or cancelling an order from a webhook means. */
@Singleton
class ShopActions {

    static final String TOPIC = "topic";
    static final String TRIGGER = "trigger";
    static final String NO_ADDRESS = "no_address";

    private final ShopOrders orders;

    ShopActions(ShopOrders orders) {
        this.orders = orders;
    }

    HookAnswer create(Merchant merchant, Connector connector, String transactionId, @Nullable String email,
                      @Nullable String firstName, @Nullable String locale, List<ProductLine> products) {
        ShopOrders.ShopOrder order = connector.delegated()
                ? new ShopOrders.ShopOrder(transactionId, true, email, firstName, locale, products)
                : new ShopOrders.ShopOrder(transactionId, false, null, null, locale, products);
        return switch (orders.record(merchant, order, "id")) {
            case CREATED -> HookAnswer.created(transactionId);
            case EXISTS -> HookAnswer.exists(transactionId);
            case NO_ADDRESS -> HookAnswer.ignored(NO_ADDRESS, transactionId);
        };
    }

    /** An order the gateway never recorded (it never met the trigger) has nothing to cancel. */
    HookAnswer cancel(Merchant merchant, String transactionId) {
        return orders.cancel(merchant, transactionId) ? HookAnswer.cancelled(transactionId) : HookAnswer.ignored(TRIGGER, transactionId);
    }

    void eraseAddress(Merchant merchant, @Nullable String email) {
        if (email != null && EmailAddresses.isValid(email.trim())) {
            orders.eraseAddress(merchant, email);
        }
    }

    void erasePersonalData(Merchant merchant, String transactionId) {
        orders.erasePersonalData(merchant, transactionId);
    }

    void eraseEveryone(Merchant merchant) {
        orders.eraseEveryone(merchant);
    }

    static String required(@Nullable String value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required: the shop's order id");
        }
        return value;
    }
}
