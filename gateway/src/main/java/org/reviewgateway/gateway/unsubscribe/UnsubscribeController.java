package org.reviewgateway.gateway.unsubscribe;

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
import org.reviewgateway.gateway.merchant.MerchantRepository;
import org.reviewgateway.gateway.web.FormFields;
import org.reviewgateway.gateway.web.HtmlPages;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The unsubscribe link of every delegated e-mail. A GET only shows the confirm button (link scanners
 * open links); a POST — the RFC 8058 one-click body as mail providers send it (multipart or
 * urlencoded), or the button — unsubscribes; the page then offers undo.
 */
@Controller("/u")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class UnsubscribeController {

    static final String UNDO_FIELD = "action";
    static final String UNDO_VALUE = "resubscribe";

    private final Unsubscriptions unsubscriptions;
    private final MerchantRepository merchants;
    private final HtmlPages pages;

    UnsubscribeController(Unsubscriptions unsubscriptions, MerchantRepository merchants, HtmlPages pages) {
        this.unsubscriptions = unsubscriptions;
        this.merchants = merchants;
        this.pages = pages;
    }

    @Get(value = "/{token}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> confirm(@PathVariable String token, HttpRequest<?> request) {
        return withLink(token, link -> pages.page(HttpStatus.OK, "unsubscribe-confirm", values(link, request)));
    }

    @Post(value = "/{token}", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> unsubscribe(@PathVariable String token, @Nullable @Body String body, HttpRequest<?> request) {
        Map<String, String> fields = FormFields.parse(request.getContentType().orElse(null), body);
        return withLink(token, link -> {
            if (UNDO_VALUE.equals(fields.get(UNDO_FIELD))) {
                unsubscriptions.resubscribe(link);
                return pages.page(HttpStatus.OK, "unsubscribe-undone", values(link, request));
            }
            unsubscriptions.unsubscribe(link);
            return pages.page(HttpStatus.OK, "unsubscribe-done", values(link, request));
        });
    }

    private HttpResponse<String> withLink(String token, Function<OptOutLink, HttpResponse<String>> action) {
        Optional<OptOutLink> link = unsubscriptions.find(token);
        if (link.isEmpty()) {
            return pages.page(HttpStatus.NOT_FOUND, "not-found", Map.of("message",
                    "This unsubscribe link is unknown or has expired. To stop e-mails from the shop, reply to its message or contact the shop."));
        }
        return action.apply(link.get());
    }

    private Map<String, String> values(OptOutLink link, HttpRequest<?> request) {
        String shopName = merchants.findById(link.merchantId()).map(m -> m.shopName()).orElse("The shop");
        return Map.of("shopName", shopName, "action", request.getPath());
    }
}
