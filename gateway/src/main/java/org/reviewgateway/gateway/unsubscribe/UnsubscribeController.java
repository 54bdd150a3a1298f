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
import io.swagger.v3.oas.annotations.Hidden;
import org.reviewgateway.gateway.merchant.MerchantRepository;
import org.reviewgateway.gateway.order.Recipient;
import org.reviewgateway.gateway.web.HtmlPages;

import java.util.Map;
import java.util.Optional;

/**
 * The unsubscribe link of every delegated e-mail. A GET only shows the confirm button (link scanners
 * open links); a POST with the RFC 8058 body or the button unsubscribes; the page then offers undo.
 */
@Controller("/u")
@Hidden
class UnsubscribeController {

    private static final String UNDO = "action=resubscribe";

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
        return withRecipient(token, recipient -> pages.page(HttpStatus.OK, "unsubscribe-confirm", values(recipient, request)));
    }

    @Post(value = "/{token}", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> unsubscribe(@PathVariable String token, @Nullable @Body String body, HttpRequest<?> request) {
        return withRecipient(token, recipient -> {
            if (body != null && body.contains(UNDO)) {
                unsubscriptions.resubscribe(recipient);
                return pages.page(HttpStatus.OK, "unsubscribe-undone", values(recipient, request));
            }
            unsubscriptions.unsubscribe(recipient);
            return pages.page(HttpStatus.OK, "unsubscribe-done", values(recipient, request));
        });
    }

    private HttpResponse<String> withRecipient(String token, java.util.function.Function<Recipient, HttpResponse<String>> action) {
        Optional<Recipient> recipient = unsubscriptions.find(token);
        if (recipient.isEmpty()) {
            return pages.page(HttpStatus.NOT_FOUND, "not-found", Map.of("message",
                    "We hold no data for this link: it is unknown, or the data behind it was deleted after the retention period. Nothing more will be sent because of it."));
        }
        return action.apply(recipient.get());
    }

    private Map<String, String> values(Recipient recipient, HttpRequest<?> request) {
        String shopName = merchants.findById(recipient.merchantId()).map(m -> m.shopName()).orElse("The shop");
        return Map.of("shopName", shopName, "action", request.getPath());
    }
}
