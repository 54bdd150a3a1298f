package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashSet;
import java.util.Set;

/** The lookup order of a locale: exact, language, then the merchant's default (exact, language). */
final class Locales {

    private Locales() {
    }

    static String language(String locale) {
        int dash = locale.indexOf('-');
        return dash < 0 ? locale : locale.substring(0, dash);
    }

    static Set<String> lookupOrder(@Nullable String requested, String merchantDefault) {
        Set<String> order = new LinkedHashSet<>();
        if (requested != null) {
            order.add(requested);
            order.add(language(requested));
        }
        order.add(merchantDefault);
        order.add(language(merchantDefault));
        return order;
    }
}
