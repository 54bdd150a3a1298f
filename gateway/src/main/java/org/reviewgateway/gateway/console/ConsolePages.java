package org.reviewgateway.gateway.console;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's server-rendered pages (resources under /console, with the partials head and foot), every value
 * HTML-escaped; one stylesheet of our own and nothing from elsewhere, under a strict CSP.
 */
@Singleton
class ConsolePages {

    static final String CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(true).defaultValue("")
            .withLoader(name -> new StringReader(resource(name + ".html")));
    private final Map<String, Template> pages = new ConcurrentHashMap<>();

    /**
     * The template editor's policy: the preview frame (a sandboxed srcdoc, which inherits the page's policy) shows the
     * merchant's HTML as a mail client would, with its inline styles and its images from the web; scripts stay ours only.
     */
    static final String EDITOR_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    MutableHttpResponse<String> page(HttpStatus status, String name, Map<String, ?> values) {
        return page(status, name, values, CSP);
    }

    MutableHttpResponse<String> page(HttpStatus status, String name, Map<String, ?> values, String policy) {
        Template page = pages.computeIfAbsent(name, n -> compiler.compile(resource(n + ".html")));
        return HttpResponse.<String>status(status)
                .contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", policy)
                .body(page.execute(values));
    }

    /** The values every page of a session shows: the shop, the user, the session's CSRF token for its forms. */
    Map<String, Object> withSession(ConsoleSessions.Session session, Merchant merchant) {
        Map<String, Object> values = new HashMap<>();
        values.put("session", true);
        values.put("shopName", merchant.shopName());
        values.put("email", session.email());
        values.put(ConsoleCookies.CSRF_FIELD, session.csrfToken());
        return values;
    }

    /** Where a request without a live session goes. */
    static HttpResponse<String> toLogin() {
        return HttpResponse.seeOther(URI.create("/console/login"));
    }

    MutableHttpResponse<String> forbidden() {
        return page(HttpStatus.FORBIDDEN, "message", Map.of("title", "Please try again", "heading", "Please try again",
                "text", "The form was too old or did not come from this console. Reload the page and send it again.", "loginLink", true));
    }

    MutableHttpResponse<String> notFound() {
        return page(HttpStatus.NOT_FOUND, "message", Map.of("title", "Not found", "heading", "Not found",
                "text", "There is no such page in the console.", "loginLink", false));
    }

    static String resource(String name) {
        try (InputStream in = ConsolePages.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
