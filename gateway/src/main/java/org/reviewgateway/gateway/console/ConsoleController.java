package org.reviewgateway.gateway.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.web.FormFields;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's entrance: login (throttled per address, one generic message for any mistake), logout, the
 * set-password links. A session is a cookie ({@code HttpOnly}, {@code SameSite=Strict},
 * {@code Secure} and {@code __Host-} under https); every POST of a session carries its CSRF token, and the login and
 * set-password forms a token of their own (the same random value in a cookie and in the form).
 */
@Hidden
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleController {

    private static final String WRONG_LOGIN = "The e-mail address or the password is not right.";
    private static final int FORM_TOKEN_BYTES = 24;
    private static final Map<String, String> ASSETS = Map.of(
            "console.css", "text/css;charset=utf-8",
            "template-preview.js", "text/javascript;charset=utf-8");

    private final ConsoleUsers users;
    private final ConsoleSessions sessions;
    private final LoginThrottle throttle;
    private final ConsolePages pages;
    private final ConsoleCookies cookies;
    private final SecretTokens tokens;

    ConsoleController(ConsoleUsers users, ConsoleSessions sessions, LoginThrottle throttle,
                      ConsolePages pages, ConsoleCookies cookies, SecretTokens tokens) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.pages = pages;
        this.cookies = cookies;
        this.tokens = tokens;
    }

    @Get(value = "/login", produces = MediaType.TEXT_HTML)
    HttpResponse<String> loginForm(HttpRequest<?> request) {
        if (cookies.session(request).isPresent()) {
            return HttpResponse.<String>seeOther(URI.create("/console/"));
        }
        return loginPage(HttpStatus.OK, "", null);
    }

    @Post(value = "/login", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> login(@Nullable @Body String body, HttpRequest<?> request) {
        Map<String, String> fields = FormFields.parse(request.getContentType().orElse(null), body);
        if (!formTokenMatches(request, fields)) {
            return pages.forbidden();
        }
        String email = fields.getOrDefault("email", "").trim();
        String password = fields.getOrDefault("password", "");
        if (email.isEmpty() || email.length() > 254 || password.isEmpty() || password.length() > ConsoleUsers.MAX_PASSWORD) {
            return loginPage(HttpStatus.OK, email.length() > 254 ? "" : email, WRONG_LOGIN);
        }
        if (throttle.blocked(email)) {
            return pages.page(HttpStatus.TOO_MANY_REQUESTS, "message", message("Too many attempts",
                            "This address had too many wrong passwords. Please wait 15 minutes, then try again.", true))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(LoginThrottle.WINDOW.toSeconds()));
        }
        Optional<ConsoleUsers.ConsoleUser> user = users.authenticate(email, password);
        if (user.isEmpty()) {
            throttle.failed(email);
            return loginPage(HttpStatus.OK, email, WRONG_LOGIN);
        }
        cookies.sessionToken(request).ifPresent(sessions::close);
        return HttpResponse.<String>seeOther(URI.create("/console/"))
                .cookie(cookies.session(sessions.open(user.get())))
                .cookie(cookies.endForm());
    }

    @Post(value = "/logout", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> logout(@Nullable @Body String body, HttpRequest<?> request) {
        Optional<String> token = cookies.sessionToken(request);
        Optional<ConsoleSessions.Session> session = token.flatMap(sessions::find);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        if (!ConsoleCookies.csrfMatches(session.get(), FormFields.parse(request.getContentType().orElse(null), body))) {
            return pages.forbidden();
        }
        sessions.close(token.get());
        return HttpResponse.<String>seeOther(URI.create("/console/login")).cookie(cookies.endSession());
    }

    @Get(value = "/set-password/{token}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> setPasswordForm(@PathVariable String token, HttpRequest<?> request) {
        if (!users.linkValid(token)) {
            return linkGone();
        }
        return setPasswordPage(HttpStatus.OK, request, null);
    }

    @Post(value = "/set-password/{token}", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> setPassword(@PathVariable String token, @Nullable @Body String body, HttpRequest<?> request) {
        Map<String, String> fields = FormFields.parse(request.getContentType().orElse(null), body);
        if (!formTokenMatches(request, fields)) {
            return pages.forbidden();
        }
        if (!users.linkValid(token)) {
            return linkGone();
        }
        String password = fields.getOrDefault("password", "");
        if (password.codePointCount(0, password.length()) < ConsoleUsers.MIN_PASSWORD) {
            return setPasswordPage(HttpStatus.UNPROCESSABLE_ENTITY, request, "Please choose at least " + ConsoleUsers.MIN_PASSWORD + " characters.");
        }
        if (password.length() > ConsoleUsers.MAX_PASSWORD) {
            return setPasswordPage(HttpStatus.UNPROCESSABLE_ENTITY, request, "Please choose at most " + ConsoleUsers.MAX_PASSWORD + " characters.");
        }
        if (users.setPassword(token, password).isEmpty()) {
            return linkGone();
        }
        return pages.page(HttpStatus.OK, "message", message("Password saved", "Your password is set. You can log in now.", true))
                .cookie(cookies.endForm());
    }

    /** Our stylesheet and the template editor's script: the console's only assets, all served from here. */
    @Get(value = "/assets/{name}")
    HttpResponse<String> asset(@PathVariable String name) {
        String type = ASSETS.get(name);
        if (type == null) {
            return pages.notFound();
        }
        return HttpResponse.ok(ConsolePages.resource("assets/" + name)).contentType(type)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff");
    }

    private MutableHttpResponse<String> loginPage(HttpStatus status, String email, @Nullable String error) {
        String formToken = tokens.newToken(FORM_TOKEN_BYTES);
        Map<String, Object> values = new HashMap<>();
        values.put("title", "Log in");
        values.put("email", email);
        values.put("error", error == null ? false : error);
        values.put(ConsoleCookies.CSRF_FIELD, formToken);
        return pages.page(status, "login", values).cookie(cookies.form(formToken));
    }

    private HttpResponse<String> setPasswordPage(HttpStatus status, HttpRequest<?> request, @Nullable String error) {
        String formToken = tokens.newToken(FORM_TOKEN_BYTES);
        Map<String, Object> values = new HashMap<>();
        values.put("title", "Choose your password");
        values.put("action", request.getPath());
        values.put("error", error == null ? false : error);
        values.put(ConsoleCookies.CSRF_FIELD, formToken);
        return pages.page(status, "set-password", values).cookie(cookies.form(formToken));
    }

    private static Map<String, Object> message(String heading, String text, boolean loginLink) {
        return Map.of("title", heading, "heading", heading, "text", text, "loginLink", loginLink);
    }

    private HttpResponse<String> linkGone() {
        return pages.page(HttpStatus.NOT_FOUND, "message", message("This link cannot be used",
                "The link is unknown, used already or older than 24 hours. Ask for a new one.", false));
    }


    private boolean formTokenMatches(HttpRequest<?> request, Map<String, String> fields) {
        return cookies.formToken(request).map(expected -> ConsoleCookies.equal(expected, fields.get(ConsoleCookies.CSRF_FIELD))).orElse(false);
    }
}
