package org.reviewgateway.gateway.order;

/** Order status and personal-data words exactly as the API spells them. */
public final class OrderStatus {

    public static final String LINK_ISSUED = "link_issued";
    public static final String SCHEDULED = "scheduled";
    public static final String SENT = "sent";
    public static final String SUPPRESSED = "suppressed";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
    public static final String REVIEWED = "reviewed";
    public static final String CANCELLED = "cancelled";

    static final String PERSONAL_DATA_NONE = "none";
    static final String PERSONAL_DATA_HELD = "held";

    private OrderStatus() {
    }
}
