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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.web.FormFields;

import java.util.Map;
import java.util.Optional;

/** The API keys page: a new key for the session's merchant, shown once; the old one stops working at once. */
@Hidden
@Controller("/console/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleApiKeysController {

    private final ConsoleCookies cookies;
    private final ConsolePages pages;
    private final MerchantAccounts merchants;

    ConsoleApiKeysController(ConsoleCookies cookies, ConsolePages pages, MerchantAccounts merchants) {
        this.cookies = cookies;
        this.pages = pages;
        this.merchants = merchants;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> show(HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        return page(session.get(), null);
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> rotate(@Nullable @Body String body, HttpRequest<?> request) {
        Optional<ConsoleSessions.Session> session = cookies.session(request);
        if (session.isEmpty()) {
            return ConsolePages.toLogin();
        }
        Map<String, String> form = FormFields.parse(request.getContentType().orElse(null), body);
        if (!ConsoleCookies.csrfMatches(session.get(), form)) {
            return pages.forbidden();
        }
        return page(session.get(), merchants.rotateKey(session.get().merchantId()));
    }

    private HttpResponse<String> page(ConsoleSessions.Session session, @Nullable String newKey) {
        Map<String, Object> values = pages.withSession(session, merchants.find(session.merchantId()).orElseThrow());
        values.put("title", "API keys");
        values.put("newKey", newKey == null ? false : newKey);
        return pages.page(HttpStatus.OK, "api-keys", values);
    }
}
