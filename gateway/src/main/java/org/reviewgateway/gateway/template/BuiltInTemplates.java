package org.reviewgateway.gateway.template;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.web.CustomerTexts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The templates that work with no setup, one per language the gateway speaks: the skeletons under
 * /templates/builtin filled with that language's texts.
 */
@Singleton
class BuiltInTemplates {

    private final CustomerTexts texts;
    private final Map<String, TemplateContent> templates = new HashMap<>();

    BuiltInTemplates(CustomerTexts texts) {
        this.texts = texts;
        String subject = resource("invitation.subject");
        String text = resource("invitation.txt");
        String html = resource("invitation.html");
        for (String language : CustomerTexts.LANGUAGES) {
            templates.put(language, new TemplateContent(texts.fill(subject, language, false).strip(), texts.fill(text, language, false),
                    texts.fill(html, language, true)));
        }
    }

    Optional<TemplateContent> find(String locale) {
        return Optional.ofNullable(templates.get(locale));
    }

    /** What {{customerName}} says without a name, by the template's language. */
    String customerNameFallback(String locale) {
        return texts.text(CustomerTexts.languageOf(locale), "mail.customerFallback");
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
