package org.reviewgateway.gateway.template;

/** A locale's language: {@code de} of {@code de-CH}. */
final class Locales {

    private Locales() {
    }

    static String language(String locale) {
        int dash = locale.indexOf('-');
        return dash < 0 ? locale : locale.substring(0, dash);
    }
}
