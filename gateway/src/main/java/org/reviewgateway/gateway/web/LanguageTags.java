package org.reviewgateway.gateway.web;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** BCP 47 language tags such as {@code en} or {@code de-DE}, in their canonical spelling. */
public final class LanguageTags {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

    private LanguageTags() {
    }

    public static Optional<String> canonical(String tag) {
        if (!SHAPE.matcher(tag).matches()) {
            return Optional.empty();
        }
        String canonical = Locale.forLanguageTag(tag).toLanguageTag();
        return "und".equals(canonical) ? Optional.empty() : Optional.of(canonical);
    }
}
