package org.reviewgateway.gateway.connector;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.data.WireWord;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A shop system whose order webhooks the gateway reads, with the order states that may trigger an invitation. */
public enum Platform implements WireWord {
    SHOPIFY("fulfilled", List.of("paid", "fulfilled")),
    WOOCOMMERCE("completed", List.of("processing", "completed"));

    final String defaultTrigger;
    final List<String> triggers;

    Platform(String defaultTrigger, List<String> triggers) {
        this.defaultTrigger = defaultTrigger;
        this.triggers = triggers;
    }

    static Optional<Platform> of(String word) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(word)).findFirst();
    }

    @Singleton
    public static final class Column extends WireWord.Converter<Platform> {
        public Column() {
            super(Platform.class);
        }
    }
}
