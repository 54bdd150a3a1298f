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
import org.reviewgateway.gateway.connector.ConnectorSetup;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.web.FormFields;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.NotFoundException;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The connectors page: per shop platform, the webhook URL to paste into the shop, the steps to do so, and the
 * connector's settings changed through the API's rules. A secret is never shown, not even as typed.
 */
@Hidden
@Controller("/console/connectors")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleConnectorsController {

    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> NAMES = Map.of("shopify", "Shopify", "woocommerce", "WooCommerce");
    private static final Map<String, String> STEPS = Map.of(
            "shopify", "In the Shopify admin: Settings → Notifications → Webhooks → Create webhook. Event: Order payment "
                    + "(trigger paid) or Order fulfillment (trigger fulfilled); format JSON; URL: the webhook URL above. Add "
                    + "Order cancellation and Refund create the same way. The secret is the one Shopify shows under the list "
                    + "(\"Your webhooks will be signed with …\").",
            "woocommerce", "In WordPress: WooCommerce → Settings → Advanced → Webhooks → Add webhook. Status Active; topic "
                    + "Order updated; delivery URL: the webhook URL above; secret: the one you type here (16 characters or "
                    + "more); API version WP REST API Integration v3.");

    private final ConsoleCookies cookies;
    private final ConsolePages pages;
    private final MerchantAccounts merchants;
    private final ConnectorSetup setup;

    ConsoleConnectorsController(ConsoleCookies cookies, ConsolePages pages, MerchantAccounts merchants, ConnectorSetup setup) {
        this.cookies = cookies;
        this.pages = pages;
        this.merchants = merchants;
        this.setup = setup;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> show(HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        return page(HttpStatus.OK, session.get(), null, Map.of(), Map.of(), null);
    }

    @Post(value = "/{platform}", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> save(@PathVariable String platform, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        Map<String, String> form = FormFields.parse(request.getContentType().orElse(null), body);
        if (!ConsoleCookies.csrfMatches(session.get(), form)) {
            return pages.forbidden();
        }
        if (!NAMES.containsKey(platform)) {
            return pages.notFound();
        }
        String secret = form.getOrDefault("secret", "").strip();
        Map<String, String> typed = Map.of("delivery", form.getOrDefault("delivery", ""), "trigger", form.getOrDefault("trigger", ""));
        try {
            setup.put(merchantOf(session.get()), platform, secret.isEmpty() ? null : secret,
                    blankToNull(typed.get("delivery")), blankToNull(typed.get("trigger")));
        } catch (InvalidInputException invalid) {
            Map<String, String> errors = new HashMap<>();
            invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
            return page(HttpStatus.UNPROCESSABLE_ENTITY, session.get(), platform, typed, errors, null);
        }
        return page(HttpStatus.OK, session.get(), platform, Map.of(), Map.of(), "Saved.");
    }

    @Post(value = "/{platform}/delete", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> disconnect(@PathVariable String platform, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        if (!ConsoleCookies.csrfMatches(session.get(), FormFields.parse(request.getContentType().orElse(null), body))) {
            return pages.forbidden();
        }
        if (!NAMES.containsKey(platform)) {
            return pages.notFound();
        }
        try {
            setup.delete(merchantOf(session.get()), platform);
        } catch (NotFoundException alreadyGone) {
            // Disconnected already (another tab, a colleague): the outcome the user asked for.
        }
        return HttpResponse.seeOther(URI.create("/console/connectors"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Merchant merchantOf(ConsoleSessions.Session session) {
        return merchants.find(session.merchantId()).orElseThrow();
    }

    /**
     * @param changed the platform whose form was sent, to show its outcome or its mistakes (with what was typed) there
     */
    private HttpResponse<String> page(HttpStatus status, ConsoleSessions.Session session, @Nullable String changed,
                                      Map<String, String> typed, Map<String, String> errors, @Nullable String notice) {
        Merchant merchant = merchantOf(session);
        Map<String, ConnectorSetup.View> connected = new HashMap<>();
        setup.all(merchant).forEach(view -> connected.put(view.platform(), view));
        List<Map<String, Object>> platforms = new ArrayList<>();
        for (ConnectorSetup.Choice choice : ConnectorSetup.platforms()) {
            String wire = choice.platform();
            ConnectorSetup.View view = connected.get(wire);
            boolean mine = wire.equals(changed);
            String delivery = mine && !typed.isEmpty() ? typed.get("delivery") : view == null ? "delegated" : view.delivery();
            String trigger = mine && !typed.isEmpty() ? typed.get("trigger") : view == null ? choice.triggers().get(0) : view.trigger();
            Map<String, Object> values = new HashMap<>();
            values.put("platform", wire);
            values.put("name", NAMES.get(wire));
            values.put("steps", STEPS.get(wire));
            values.put("connected", view != null);
            values.put("webhookUrl", view == null ? false : view.webhookUrl());
            values.put("lastReceived", view == null || view.lastReceivedAt() == null ? false : received(view.lastReceivedAt()));
            values.put("delegated", "delegated".equals(delivery));
            values.put("self", "self".equals(delivery));
            values.put("triggers", choice.triggers().stream().map(t -> Map.of("value", t, "selected", t.equals(trigger))).toList());
            values.put("notice", mine && notice != null ? notice : false);
            for (String field : List.of("secret", "delivery", "trigger")) {
                values.put(field + "Error", mine && errors.containsKey(field) ? errors.get(field) : false);
            }
            platforms.add(values);
        }
        Map<String, Object> values = pages.withSession(session, merchant);
        values.put("title", "Connectors");
        values.put("platforms", platforms);
        values.put("invalid", !errors.isEmpty());
        return pages.page(status, "connectors", values);
    }

    private static String received(Instant at) {
        return RECEIVED.format(at);
    }
}
