package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.data.WireWord;

/** Where an order stands; {@link OrderLifecycle} decides every move between these. */
public enum OrderStatus implements WireWord {
    LINK_ISSUED, SCHEDULED, SENT, SUPPRESSED, SKIPPED, FAILED, REVIEWED, CANCELLED;

    @Singleton
    public static final class Column extends WireWord.Converter<OrderStatus> {
        public Column() {
            super(OrderStatus.class);
        }
    }
}
