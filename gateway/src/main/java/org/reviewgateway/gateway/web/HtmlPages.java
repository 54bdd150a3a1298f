package org.reviewgateway.gateway.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public pages (review form, unsubscribe), from resources under /pages, in the customer's language (see
 * {@link CustomerTexts}), every value HTML-escaped.
 */
@Singleton
public class HtmlPages {

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true);
    private final Map<String, Template> pages = new ConcurrentHashMap<>();
    private final CustomerTexts texts;

    HtmlPages(CustomerTexts texts) {
        this.texts = texts;
    }

    /** @param locale the customer's (the order's) locale; the page is in its language, else English */
    public MutableHttpResponse<String> page(HttpStatus status, String name, @Nullable String locale, Map<String, ?> values) {
        String language = CustomerTexts.languageOf(locale);
        Template page = pages.computeIfAbsent(name + "/" + language, key -> load(name, language));
        return HttpResponse.<String>status(status)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Language", language)
                .header("Cache-Control", "no-store")
                // same-origin, not no-referrer: with no-referrer browsers post forms with "Origin: null",
                // which Micronaut refuses on a localhost host as a drive-by attack.
                .header("Referrer-Policy", "same-origin")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
                .body(page.execute(values));
    }

    /** A text of the page's language, for a value the controller fills in (an error message). */
    public String text(@Nullable String locale, String key) {
        return texts.text(CustomerTexts.languageOf(locale), key);
    }

    private Template load(String name, String language) {
        try (InputStream in = HtmlPages.class.getResourceAsStream("/pages/" + name + ".html")) {
            if (in == null) {
                throw new IllegalStateException("page missing: " + name);
            }
            return compiler.compile(texts.fill(new String(in.readAllBytes(), StandardCharsets.UTF_8), language, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
