package org.reviewgateway.gateway.support;

import java.time.Instant;
import java.util.Map;

/** Request bodies for orders. */
public final class Orders {

    private Orders() {
    }

    public static String delegated(String transactionId, String email, String name, String locale, Instant sendAt) {
        return "{\"transactionId\":\"" + transactionId + "\",\"delivery\":\"delegated\""
                + (locale == null ? "" : ",\"locale\":\"" + locale + "\"")
                + ",\"customer\":{\"email\":\"" + email + "\"" + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}"
                + (sendAt == null ? "" : ",\"sendAt\":\"" + sendAt + "\"") + "}";
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
