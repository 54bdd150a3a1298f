package org.reviewgateway.gateway.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.web.DomainException;
import org.reviewgateway.gateway.web.FormFields;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.webhook.WebhookSubscriptions;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The webhooks page: the merchant's endpoints with how their last delivery went, a new one (its secret shown this once)
 * by the API's rules, and removal.
 */
@Hidden
@Controller("/console/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleWebhooksController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ConsoleCookies cookies;
    private final ConsolePages pages;
    private final MerchantAccounts merchants;
    private final WebhookSubscriptions subscriptions;

    ConsoleWebhooksController(ConsoleCookies cookies, ConsolePages pages, MerchantAccounts merchants, WebhookSubscriptions subscriptions) {
        this.cookies = cookies;
        this.pages = pages;
        this.merchants = merchants;
        this.subscriptions = subscriptions;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> show(HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        return page(HttpStatus.OK, session.get(), "", List.of(), Map.of(), null);
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> create(@Nullable @Body String body, HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        Map<String, List<String>> form = FormFields.parseAll(request.getContentType().orElse(null), body);
        if (!ConsoleCookies.csrfMatches(session.get(), FormFields.firstOfEach(form))) {
            return pages.forbidden();
        }
        String url = form.getOrDefault("url", List.of("")).get(0).strip();
        List<String> events = form.getOrDefault("events", List.of());
        try {
            WebhookSubscriptions.Created created = subscriptions.create(merchantOf(session.get()), url, events);
            return page(HttpStatus.CREATED, session.get(), "", List.of(), Map.of(), created);
        } catch (InvalidInputException invalid) {
            Map<String, String> errors = new HashMap<>();
            invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
            return page(HttpStatus.UNPROCESSABLE_ENTITY, session.get(), url, events, errors, null);
        } catch (DomainException refused) {
            return page(HttpStatus.TOO_MANY_REQUESTS, session.get(), url, events, Map.of("url", refused.getMessage()), null);
        }
    }

    @Post(value = "/{id}/delete", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> delete(@PathVariable String id, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        if (!ConsoleCookies.csrfMatches(session.get(), FormFields.parse(request.getContentType().orElse(null), body))) {
            return pages.forbidden();
        }
        try {
            subscriptions.delete(merchantOf(session.get()), id);
        } catch (NotFoundException alreadyGone) {
            // Removed already, or never this merchant's: either way it posts nothing for this merchant.
        }
        return HttpResponse.seeOther(URI.create("/console/webhooks"));
    }

    private Merchant merchantOf(ConsoleSessions.Session session) {
        return merchants.find(session.merchantId()).orElseThrow();
    }

    private HttpResponse<String> page(HttpStatus status, ConsoleSessions.Session session, String typedUrl, List<String> typedEvents,
                                      Map<String, String> errors, @Nullable WebhookSubscriptions.Created created) {
        Merchant merchant = merchantOf(session);
        Map<String, Object> values = pages.withSession(session, merchant);
        values.put("title", "Webhooks");
        values.put("webhooks", subscriptions.all(merchant).stream().map(w -> Map.of(
                "id", w.id(), "url", w.url(), "events", String.join(", ", w.events()), "created", WHEN.format(w.createdAt()),
                "lastAttempt", lastAttempt(w.lastStatus(), w.lastAttemptAt()))).toList());
        values.put("events", WebhookSubscriptions.eventNames().stream()
                .map(e -> Map.of("name", e, "checked", typedEvents.contains(e))).toList());
        values.put("url", typedUrl);
        values.put("urlError", errors.containsKey("url") ? errors.get("url") : false);
        values.put("eventsError", errors.containsKey("events") ? errors.get("events") : false);
        values.put("created", created == null ? false : Map.of("url", created.webhook().url(), "secret", created.secret()));
        return pages.page(status, "webhooks", values);
    }

    private static String lastAttempt(@Nullable Integer status, @Nullable Instant at) {
        if (at == null) {
            return "nothing sent yet";
        }
        return "last attempt " + WHEN.format(at) + (status == null ? ", no answer" : ", answered " + status);
    }
}
