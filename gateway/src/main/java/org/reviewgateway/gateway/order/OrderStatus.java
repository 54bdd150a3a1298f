package org.reviewgateway.gateway.order;

/** Order status and personal-data words exactly as the API spells them. */
final class OrderStatus {

    static final String LINK_ISSUED = "link_issued";
    static final String SCHEDULED = "scheduled";

    static final String PERSONAL_DATA_NONE = "none";
    static final String PERSONAL_DATA_HELD = "held";

    private OrderStatus() {
    }
}
