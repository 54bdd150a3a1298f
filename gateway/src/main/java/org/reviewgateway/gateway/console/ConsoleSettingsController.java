package org.reviewgateway.gateway.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.merchant.MerchantSettings;
import org.reviewgateway.gateway.merchant.SettingsResponse;
import org.reviewgateway.gateway.web.FormFields;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings page: the settings object as a form, changed through the same rules as PATCH /v1/settings; a mistake is
 * shown beside its field with what was typed, and nothing is saved.
 */
@Hidden
@Controller("/console/settings")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleSettingsController {

    /** Fields, labels and hints in the order shown; an empty optional field clears that setting. */
    private static final List<String[]> FIELDS = List.of(
            new String[]{"shopName", "Shop name", "How the e-mails and pages name the shop."},
            new String[]{"senderName", "Sender name", "The name in the From of every invitation."},
            new String[]{"replyTo", "Reply-to address", "Where replies to an invitation go; empty: none."},
            new String[]{"defaultLocale", "Default language", "A language tag such as en or de-DE, for orders that name none."},
            new String[]{"inviteDelay", "Invitation delay", "How long after the order the invitation goes, e.g. P7D (7 days) or PT12H."},
            new String[]{"reminderDelay", "Reminder delay", "How long after the invitation one reminder goes; empty: no reminder."},
            new String[]{"invitationCooldown", "Invitation cooldown", "At most one invitation per address in this time; empty: no limit."},
            new String[]{"retention", "Keep personal data for", "How long an address is kept for sending, e.g. P30D."},
            new String[]{"shopUrl", "Shop web address", "An https address; the customer pages link back to it. Empty: none."},
            new String[]{"privacyPolicyUrl", "Privacy policy address", "An https address; the customer pages link to it. Empty: none."},
            new String[]{"imprint", "Imprint", "The sender's legal notice (up to 500 characters), printed in the built-in e-mails."});
    private static final Set<String> OPTIONAL = Set.of("replyTo", "reminderDelay", "invitationCooldown", "shopUrl", "privacyPolicyUrl", "imprint");

    private final ConsoleCookies cookies;
    private final ConsolePages pages;
    private final MerchantAccounts merchants;
    private final MerchantSettings settings;

    ConsoleSettingsController(ConsoleCookies cookies, ConsolePages pages, MerchantAccounts merchants, MerchantSettings settings) {
        this.cookies = cookies;
        this.pages = pages;
        this.merchants = merchants;
        this.settings = settings;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> show(HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        return page(HttpStatus.OK, session.get(), current(session.get()), Map.of(), false);
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> save(@Nullable @Body String body, HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        Map<String, String> form = FormFields.parse(request.getContentType().orElse(null), body);
        if (!ConsoleCookies.csrfMatches(session.get(), form)) {
            return pages.forbidden();
        }
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, JsonNode> patch = new LinkedHashMap<>();
        for (String[] field : FIELDS) {
            String value = form.getOrDefault(field[0], "").replace("\r\n", "\n").strip();
            typed.put(field[0], value);
            patch.put(field[0], value.isEmpty() && OPTIONAL.contains(field[0]) ? JsonNode.nullNode() : JsonNode.createStringNode(value));
        }
        try {
            settings.patch(session.get().merchantId(), JsonNode.createObjectNode(patch));
        } catch (InvalidInputException invalid) {
            Map<String, String> errors = new HashMap<>();
            for (Problem.FieldError error : invalid.errors()) {
                errors.putIfAbsent(error.field(), error.message());
            }
            return page(HttpStatus.UNPROCESSABLE_ENTITY, session.get(), typed, errors, false);
        }
        return page(HttpStatus.OK, session.get(), current(session.get()), Map.of(), true);
    }

    private Map<String, String> current(ConsoleSessions.Session session) {
        SettingsResponse s = settings.of(session.merchantId());
        Map<String, String> values = new HashMap<>();
        values.put("shopName", s.shopName());
        values.put("senderName", s.senderName());
        values.put("replyTo", s.replyTo());
        values.put("defaultLocale", s.defaultLocale());
        values.put("inviteDelay", s.inviteDelay());
        values.put("reminderDelay", s.reminderDelay());
        values.put("invitationCooldown", s.invitationCooldown());
        values.put("retention", s.retention());
        values.put("shopUrl", s.shopUrl());
        values.put("privacyPolicyUrl", s.privacyPolicyUrl());
        values.put("imprint", s.imprint());
        return values;
    }

    private HttpResponse<String> page(HttpStatus status, ConsoleSessions.Session session, Map<String, String> values,
                                      Map<String, String> errors, boolean saved) {
        Map<String, Object> page = pages.withSession(session, merchants.find(session.merchantId()).orElseThrow());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String[] field : FIELDS) {
            String value = values.get(field[0]);
            fields.add(Map.of("name", field[0], "label", field[1], "hint", field[2], "value", value == null ? "" : value,
                    "multiline", "imprint".equals(field[0]), "error", errors.containsKey(field[0]) ? errors.get(field[0]) : false));
        }
        page.put("title", "Settings");
        page.put("fields", fields);
        page.put("saved", saved);
        page.put("invalid", !errors.isEmpty());
        return pages.page(status, "settings", page);
    }
}
