package org.reviewgateway.gateway.connector;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The real shop payloads of ../shared/fixtures/webhooks, as maps a test may change before posting them. */
final class Fixtures {

    private static final Path DIRECTORY = Path.of("..", "..", "shared", "fixtures", "webhooks");

    private final JsonMapper json;

    Fixtures(JsonMapper json) {
        this.json = json;
    }

    /** A Shopify orders/* body: the fixture's Order resource, unwrapped as webhooks send it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> shopifyOrder() {
        return new LinkedHashMap<>((Map<String, Object>) read("shopify-order-rest-sdk-fixture.json").get("order"));
    }

    Map<String, Object> wooCommerceOrder() {
        return read("woocommerce-order-created.json");
    }

    byte[] bytes(Map<String, Object> payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> read(String name) {
        try {
            return new LinkedHashMap<>(json.readValue(Files.readAllBytes(DIRECTORY.resolve(name)), Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> payload, String field) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) payload.get(field));
        payload.put(field, copy);
        return copy;
    }
}
