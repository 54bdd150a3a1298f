package org.reviewgateway.gateway.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
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

/** The public pages (review form, unsubscribe), from resources under /pages, every value HTML-escaped. */
@Singleton
public class HtmlPages {

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true);
    private final Map<String, Template> pages = new ConcurrentHashMap<>();

    public MutableHttpResponse<String> page(HttpStatus status, String name, Map<String, ?> values) {
        Template page = pages.computeIfAbsent(name, this::load);
        return HttpResponse.<String>status(status)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Cache-Control", "no-store")
                // same-origin, not no-referrer: with no-referrer browsers post forms with "Origin: null",
                // which Micronaut refuses on a localhost host as a drive-by attack.
                .header("Referrer-Policy", "same-origin")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
                .body(page.execute(values));
    }

    private Template load(String name) {
        try (InputStream in = HtmlPages.class.getResourceAsStream("/pages/" + name + ".html")) {
            if (in == null) {
                throw new IllegalStateException("page missing: " + name);
            }
            return compiler.compile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
