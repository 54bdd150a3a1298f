package org.reviewgateway.gateway.template;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The templates that work with no setup: English and German, from the jar's resources. */
@Singleton
class BuiltInTemplates {

    static final String ENGLISH = "en";
    private static final Map<String, String> NAME_FALLBACKS = Map.of("en", "there", "de", "liebe Kundin, lieber Kunde");

    private final Map<String, TemplateContent> templates = Map.of(ENGLISH, load(ENGLISH), "de", load("de"));

    Optional<TemplateContent> find(String locale) {
        return Optional.ofNullable(templates.get(locale));
    }

    /** What {{customerName}} says without a name, by the template's language. */
    static String customerNameFallback(String locale) {
        return NAME_FALLBACKS.getOrDefault(Locales.language(locale), "");
    }

    private static TemplateContent load(String language) {
        return new TemplateContent(resource(language + ".subject").strip(), resource(language + ".txt"), resource(language + ".html"));
    }

    private static String resource(String name) {
        try (InputStream in = BuiltInTemplates.class.getResourceAsStream("/templates/builtin/" + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in template missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
