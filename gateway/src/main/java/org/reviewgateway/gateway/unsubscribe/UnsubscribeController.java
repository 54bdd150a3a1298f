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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.order.OrderLookup;
import org.reviewgateway.gateway.suppression.OptOutLink;
import org.reviewgateway.gateway.suppression.OptOutLinks;
import org.reviewgateway.gateway.web.FormFields;
import org.reviewgateway.gateway.web.HtmlPages;
import org.reviewgateway.gateway.web.ProblemResponses;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The unsubscribe link of every delegated e-mail. A GET only shows the confirm button (link scanners
 * open links); a POST — the RFC 8058 one-click body as mail providers send it (multipart or
 * urlencoded), or the button — unsubscribes; the page then offers undo.
 */
@Controller("/u")
@ExecuteOn(TaskExecutors.BLOCKING)
class UnsubscribeController {

    static final String UNDO_FIELD = "action";
    static final String UNDO_VALUE = "resubscribe";

    private final Unsubscriptions unsubscriptions;
    private final OptOutLinks links;
    private final MerchantAccounts merchants;
    private final OrderLookup orders;
    private final HtmlPages pages;

    UnsubscribeController(Unsubscriptions unsubscriptions, OptOutLinks links, MerchantAccounts merchants, OrderLookup orders, HtmlPages pages) {
        this.unsubscriptions = unsubscriptions;
        this.links = links;
        this.merchants = merchants;
        this.orders = orders;
        this.pages = pages;
    }

    @Operation(summary = "The unsubscribe page of an e-mail's link: a confirm button (a GET never unsubscribes)")
    @SecurityRequirement(name = "")
    @ApiResponse(responseCode = "200", description = "the confirm page", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "unknown or expired link", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @Get(value = "/{token}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> confirm(@PathVariable String token, HttpRequest<?> request) {
        return withLink(token, link -> pages.page(HttpStatus.OK, "unsubscribe-confirm", locale(link), values(link, request)));
    }

    @Operation(summary = "Unsubscribe (RFC 8058 one-click: List-Unsubscribe=One-Click), or undo with action=resubscribe",
            requestBody = @RequestBody(content = {
            @Content(mediaType = "application/x-www-form-urlencoded", schema = @Schema(implementation = UnsubscribeForm.class)),
            @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = UnsubscribeForm.class))}))
    @SecurityRequirement(name = "")
    @ApiResponse(responseCode = "200", description = "unsubscribed (or subscribed again), with the undo button", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "unknown or expired link", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ProblemResponses
    @Post(value = "/{token}", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> unsubscribe(@PathVariable String token, @Nullable @Body String body, HttpRequest<?> request) {
        Map<String, String> fields = FormFields.parse(request.getContentType().orElse(null), body);
        return withLink(token, link -> {
            if (UNDO_VALUE.equals(fields.get(UNDO_FIELD))) {
                unsubscriptions.resubscribe(link);
                return pages.page(HttpStatus.OK, "unsubscribe-undone", locale(link), values(link, request));
            }
            unsubscriptions.unsubscribe(link);
            return pages.page(HttpStatus.OK, "unsubscribe-done", locale(link), values(link, request));
        });
    }

    /** The form fields this endpoint reads, for the OpenAPI document. */
    @io.micronaut.serde.annotation.Serdeable
    @Schema(name = "UnsubscribeForm")
    record UnsubscribeForm(@Schema(name = "List-Unsubscribe", example = "One-Click") String listUnsubscribe,
                           @Schema(allowableValues = UNDO_VALUE) String action) {
    }

    private HttpResponse<String> withLink(String token, Function<OptOutLink, HttpResponse<String>> action) {
        Optional<OptOutLink> link = links.find(token).filter(l -> merchants.find(l.merchantId()).isPresent());
        if (link.isEmpty()) {
            return pages.page(HttpStatus.NOT_FOUND, "not-found", null, Map.of("message", pages.text(null, "notFound.unsubscribeLink")));
        }
        return action.apply(link.get());
    }

    /** The language of the e-mail the link was in: its order's locale, else (a test message) the merchant's default. */
    @Nullable
    private String locale(OptOutLink link) {
        String orderLocale = link.orderId() == null ? null : orders.byId(link.orderId()).map(o -> o.locale()).orElse(null);
        return orderLocale != null ? orderLocale : merchants.find(link.merchantId()).map(m -> m.defaultLocale()).orElse(null);
    }

    private Map<String, Object> values(OptOutLink link, HttpRequest<?> request) {
        Map<String, Object> values = new HashMap<>(merchants.find(link.merchantId()).map(m -> m.shopContext())
                .orElseGet(Merchant::unknownShopContext));
        values.put("action", request.getPath());
        return values;
    }
}
