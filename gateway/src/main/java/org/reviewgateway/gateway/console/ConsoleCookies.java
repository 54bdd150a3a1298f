package org.reviewgateway.gateway.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.web.PublicLinks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The console's cookies: the session's, and the form token of the login and set-password forms. {@code HttpOnly},
 * {@code SameSite=Strict}; {@code Secure} and {@code __Host-} prefixed when links are https. Tokens are compared in
 * constant time.
 */
@Singleton
class ConsoleCookies {

    static final String CSRF_FIELD = "csrf";

    private final ConsoleSessions sessions;
    private final PublicLinks links;

    ConsoleCookies(ConsoleSessions sessions, PublicLinks links) {
        this.sessions = sessions;
        this.links = links;
    }

    /** The live session this request's cookie names. */
    Optional<ConsoleSessions.Session> session(HttpRequest<?> request) {
        return sessionToken(request).flatMap(sessions::find);
    }

    Optional<String> sessionToken(HttpRequest<?> request) {
        return value(request, sessionName());
    }

    Optional<String> formToken(HttpRequest<?> request) {
        return value(request, formName());
    }

    Cookie session(String token) {
        return cookie(sessionName(), token, ConsoleSessions.IDLE_EXPIRY);
    }

    Cookie endSession() {
        return cookie(sessionName(), "", Duration.ZERO);
    }

    Cookie form(String token) {
        return cookie(formName(), token, Duration.ofHours(1));
    }

    Cookie endForm() {
        return cookie(formName(), "", Duration.ZERO);
    }

    static boolean csrfMatches(ConsoleSessions.Session session, Map<String, String> fields) {
        return equal(session.csrfToken(), fields.get(CSRF_FIELD));
    }

    static boolean equal(String expected, @Nullable String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> value(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    private String sessionName() {
        return links.secure() ? "__Host-rig_console" : "rig_console";
    }

    private String formName() {
        return links.secure() ? "__Host-rig_form" : "rig_form";
    }

    private Cookie cookie(String name, String value, Duration maxAge) {
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(SameSite.Strict).secure(links.secure()).maxAge(maxAge);
    }
}
