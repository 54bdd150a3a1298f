package org.reviewgateway.gateway.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds an order's JSON body for tests, escaped properly, instead of strings glued together:
 * {@code OrderBody.delegated("A-1", "kim@example.org").name("Kim").locale("de").json()}.
 */
public final class OrderBody {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> customer = new LinkedHashMap<>();

    private OrderBody(String transactionId, String delivery) {
        fields.put("transactionId", transactionId);
        fields.put("delivery", delivery);
    }

    public static OrderBody self(String transactionId) {
        return new OrderBody(transactionId, "self");
    }

    public static OrderBody delegated(String transactionId, String email) {
        return new OrderBody(transactionId, "delegated").customerField("email", email);
    }

    /** {@code {"orders":[...]}}; an item may also be any other value, e.g. a string, as a bad item. */
    public static String batch(Object... orders) {
        return write(Map.of("orders", List.of(orders)));
    }

    public OrderBody name(String name) {
        if (name != null) {
            customer.put("name", name);
        }
        return this;
    }

    public OrderBody locale(String locale) {
        return with("locale", locale);
    }

    public OrderBody sendAt(Instant sendAt) {
        return with("sendAt", sendAt == null ? null : sendAt.toString());
    }

    /** Any other field, as a string, number, boolean, nested map, list or order; null leaves it out. */
    public OrderBody with(String field, Object value) {
        if (value != null) {
            fields.put(field, value);
        }
        return this;
    }

    public OrderBody without(String field) {
        fields.remove(field);
        return this;
    }

    /** The whole customer as any value, e.g. a string or an empty map, for a body that must be refused. */
    public OrderBody customer(Object value) {
        fields.put("customer", value);
        return this;
    }

    /** One customer field of any type, e.g. an email of 42; gives even a self-delivery order a customer. */
    public OrderBody customerField(String name, Object value) {
        customer.put(name, value);
        fields.put("customer", customer);
        return this;
    }

    public String json() {
        return write(fields);
    }

    private static String write(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof OrderBody order) {
            return write(order.fields);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OrderBody::write).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(write(String.valueOf(k))).append(':').append(write(v)));
            return out.append('}').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : String.valueOf(value).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
