package org.reviewgateway.gateway.support;

import java.time.Instant;
import java.util.Map;

/** Order bodies (through {@link OrderBody}) and reading an order back. */
public final class Orders {

    private Orders() {
    }

    public static String delegated(String transactionId, String email, String name, String locale, Instant sendAt) {
        return OrderBody.delegated(transactionId, email).name(name).locale(locale).sendAt(sendAt).json();
    }

    @SuppressWarnings("unchecked")
    public static String status(GatewayClient client, String key, String transactionId) {
        return (String) client.get("/v1/orders/" + transactionId, key).json().get("status");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> firstDelivery(GatewayClient client, String key, String transactionId) {
        var deliveries = (java.util.List<Map<String, Object>>) client.get("/v1/orders/" + transactionId, key).json().get("deliveries");
        return deliveries.get(0);
    }
}
