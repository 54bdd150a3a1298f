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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.reviewgateway.gateway.mail.RenderedMessage;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.template.TemplateContent;
import org.reviewgateway.gateway.template.TemplateEditor;
import org.reviewgateway.gateway.web.CustomerTexts;
import org.reviewgateway.gateway.web.DomainException;
import org.reviewgateway.gateway.web.EmailAddresses;
import org.reviewgateway.gateway.web.FormFields;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.LanguageTags;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.Problem;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The templates pages: the merchant's own templates, and an editor per locale whose draft is checked by the API's rules,
 * previewed (on the page, and live by a small script of ours when scripts run) and test-sent before it is saved.
 */
@Hidden
@Controller("/console/templates")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleTemplatesController {

    static final String TEST_ADDRESS = "testEmail";
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ConsoleCookies cookies;
    private final ConsolePages pages;
    private final MerchantAccounts merchants;
    private final TemplateEditor editor;

    ConsoleTemplatesController(ConsoleCookies cookies, ConsolePages pages, MerchantAccounts merchants, TemplateEditor editor) {
        this.cookies = cookies;
        this.pages = pages;
        this.merchants = merchants;
        this.editor = editor;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> list(HttpRequest<?> request, @Nullable @QueryValue String locale, @Nullable @QueryValue String deleted) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        if (locale == null) {
            return listPage(HttpStatus.OK, session.get(), "", null, deleted == null ? null : LanguageTags.canonical(deleted).orElse(null));
        }
        return LanguageTags.canonical(locale.strip())
                .<HttpResponse<String>>map(tag -> HttpResponse.seeOther(URI.create("/console/templates/" + tag)))
                .orElseGet(() -> listPage(HttpStatus.UNPROCESSABLE_ENTITY, session.get(), locale,
                        "Type a language tag such as en, de or de-CH.", null));
    }

    @Get(value = "/{locale}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> edit(HttpRequest<?> request, @PathVariable String locale) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        Optional<String> canonical = LanguageTags.canonical(locale);
        if (canonical.isEmpty()) {
            return pages.notFound();
        }
        String tag = canonical.get();
        if (!tag.equals(locale)) {
            return HttpResponse.seeOther(URI.create("/console/templates/" + tag));
        }
        Merchant merchant = merchantOf(session.get());
        TemplateEditor.Start start = editor.start(merchant, tag);
        Map<String, Object> values = editorValues(session.get(), merchant, tag, start.content(), "", Map.of());
        values.put("own", start.own());
        values.put("usedLocale", start.usedLocale());
        return editorPage(HttpStatus.OK, values);
    }

    /** Save, preview or send a test, as the pressed button says; a mistake leaves everything as typed. */
    @Post(value = "/{locale}", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> submit(@PathVariable String locale, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        Map<String, String> form = FormFields.parse(request.getContentType().orElse(null), body);
        if (!ConsoleCookies.csrfMatches(session.get(), form)) {
            return pages.forbidden();
        }
        Optional<String> canonical = LanguageTags.canonical(locale);
        if (canonical.isEmpty()) {
            return pages.notFound();
        }
        String tag = canonical.get();
        Merchant merchant = merchantOf(session.get());
        TemplateContent draft = draft(form);
        String testAddress = form.getOrDefault(TEST_ADDRESS, "").strip();
        String action = form.getOrDefault("action", "save");
        Map<String, String> errors = new HashMap<>();
        Map<String, Object> outcome = new HashMap<>();
        try {
            switch (action) {
                case "preview" -> outcome.put("preview", previewValues(editor.preview(merchant, tag, draft)));
                case "test" -> {
                    if (!EmailAddresses.isValid(testAddress)) {
                        errors.put(TEST_ADDRESS, "Type the e-mail address the test message should go to.");
                    } else {
                        editor.testSend(merchant, tag, draft, testAddress);
                        outcome.put("sent", true);
                    }
                }
                default -> outcome.put("savedVersion", editor.save(merchant, tag, draft));
            }
        } catch (InvalidInputException invalid) {
            invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
        } catch (DomainException refused) {
            errors.put(TEST_ADDRESS, refused.getMessage());
        }
        Map<String, Object> values = editorValues(session.get(), merchant, tag, draft, testAddress, errors);
        values.putAll(outcome);
        values.put("own", outcome.containsKey("savedVersion") || editor.own(merchant).stream().anyMatch(t -> t.locale().equals(tag)));
        values.put("usedLocale", tag);
        return editorPage(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, values);
    }

    /** The live preview's call: the draft rendered, or the mistakes by field, as JSON. */
    @Post(value = "/{locale}/preview", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> preview(@PathVariable String locale, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        Map<String, String> form = FormFields.parse(request.getContentType().orElse(null), body);
        Optional<String> tag = LanguageTags.canonical(locale);
        if (!ConsoleCookies.csrfMatches(session.get(), form)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        if (tag.isEmpty()) {
            return HttpResponse.notFound();
        }
        try {
            RenderedMessage rendered = editor.preview(merchantOf(session.get()), tag.get(), draft(form));
            return HttpResponse.ok(new LivePreview(rendered.subject(), rendered.text(), rendered.html()));
        } catch (InvalidInputException invalid) {
            return HttpResponse.unprocessableEntity().body(new LivePreviewMistakes(invalid.errors()));
        }
    }

    @Serdeable
    record LivePreview(String subject, String text, @Nullable String html) {
    }

    @Serdeable
    record LivePreviewMistakes(List<Problem.FieldError> errors) {
    }

    /** Back to the built-in template for this locale. */
    @Post(value = "/{locale}/delete", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> delete(@PathVariable String locale, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        if (!ConsoleCookies.csrfMatches(session.get(), FormFields.parse(request.getContentType().orElse(null), body))) {
            return pages.forbidden();
        }
        Optional<String> tag = LanguageTags.canonical(locale);
        if (tag.isEmpty()) {
            return pages.notFound();
        }
        try {
            editor.delete(merchantOf(session.get()), tag.get());
        } catch (NotFoundException alreadyGone) {
            // Deleted already (another tab, a colleague): the outcome the user asked for.
        }
        return HttpResponse.seeOther(URI.create("/console/templates?deleted=" + tag.get()));
    }

    private static TemplateContent draft(Map<String, String> form) {
        String html = lines(form.get("html"));
        return new TemplateContent(lines(form.get("subject")).strip(), lines(form.get("text")), html.isBlank() ? null : html);
    }

    /** Browsers send a textarea's line breaks as CRLF; templates keep LF, as the API receives them. */
    private static String lines(@Nullable String typed) {
        return typed == null ? "" : typed.replace("\r\n", "\n");
    }

    private Merchant merchantOf(ConsoleSessions.Session session) {
        return merchants.find(session.merchantId()).orElseThrow();
    }

    private HttpResponse<String> listPage(HttpStatus status, ConsoleSessions.Session session, String typed, @Nullable String error,
                                          @Nullable String deleted) {
        Merchant merchant = merchantOf(session);
        Map<String, Object> values = pages.withSession(session, merchant);
        values.put("title", "Templates");
        values.put("templates", editor.own(merchant).stream().map(t -> Map.of("locale", t.locale(), "version", t.version(),
                "updated", UPDATED.format(t.updatedAt()))).toList());
        values.put("builtIn", CustomerTexts.LANGUAGES);
        values.put("typed", typed);
        values.put("error", error == null ? false : error);
        values.put("deleted", deleted == null ? false : deleted);
        return pages.page(status, "templates", values);
    }

    private Map<String, Object> editorValues(ConsoleSessions.Session session, Merchant merchant, String locale, TemplateContent content,
                                             String testAddress, Map<String, String> errors) {
        Map<String, Object> values = pages.withSession(session, merchant);
        values.put("title", "Template " + locale);
        values.put("locale", locale);
        values.put("fields", List.of(
                field("subject", "Subject", content.subject(), false, "One line. Placeholders such as {{shopName}} may be used.", errors),
                field("text", "Plain text", content.text(), true, "Must contain {{reviewLink}} and {{unsubscribeLink}}.", errors),
                field("html", "HTML (optional)", content.html() == null ? "" : content.html(), true,
                        "Must contain {{reviewLink}}; leave it empty for a plain-text e-mail.", errors)));
        values.put("testAddress", testAddress);
        values.put("testError", errors.containsKey(TEST_ADDRESS) ? errors.get(TEST_ADDRESS) : false);
        values.put("invalid", errors.keySet().stream().anyMatch(f -> !f.equals(TEST_ADDRESS)));
        return values;
    }

    private static Map<String, Object> field(String name, String label, String value, boolean multiline, String hint,
                                             Map<String, String> errors) {
        return Map.of("name", name, "label", label, "value", value, "multiline", multiline, "rows", "text".equals(name) ? 10 : 14,
                "hint", hint, "error", errors.containsKey(name) ? errors.get(name) : false);
    }

    private static Map<String, Object> previewValues(RenderedMessage rendered) {
        return Map.of("subject", rendered.subject(), "text", rendered.text(), "html", rendered.html() == null ? false : rendered.html());
    }

    private HttpResponse<String> editorPage(HttpStatus status, Map<String, Object> values) {
        return pages.page(status, "template", values, ConsolePages.EDITOR_CSP);
    }
}
