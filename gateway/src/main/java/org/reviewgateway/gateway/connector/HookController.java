package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.ProblemResponses;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where shops post their own order webhooks. The raw body is verified before anything reads it; a body with a bad
 * signature is never parsed, stored or logged.
 */
@Controller("/hooks")
@ExecuteOn(TaskExecutors.BLOCKING)
class HookController {

    private static final Pattern PING = Pattern.compile("webhook_id=\\d{1,20}");

    private final Connectors connectors;
    private final MerchantAccounts merchants;
    private final ShopifyHooks shopify;
    private final WooCommerceHooks woocommerce;

    HookController(Connectors connectors, MerchantAccounts merchants, ShopifyHooks shopify, WooCommerceHooks woocommerce) {
        this.connectors = connectors;
        this.merchants = merchants;
        this.shopify = shopify;
        this.woocommerce = woocommerce;
    }

    @Operation(summary = "A Shopify webhook (orders/paid, orders/fulfilled, orders/cancelled, refunds/create, the privacy topics)",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
                    description = "Shopify's payload for the topic, signed in X-Shopify-Hmac-Sha256"))))
    @SecurityRequirement(name = "")
    @ApiResponse(responseCode = "200", description = "what the gateway did with it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HookAnswer.class)))
    @ProblemResponses
    @Post(value = "/shopify/{connectorId}", consumes = MediaType.APPLICATION_JSON)
    HookAnswer shopify(@PathVariable String connectorId, @Header("X-Shopify-Hmac-Sha256") @Nullable String signature,
                       @Header("X-Shopify-Topic") @Nullable String topic, @Body @Parameter(hidden = true) byte[] body) {
        Connector connector = connectors.forHook(connectorId, Platform.SHOPIFY);
        Merchant merchant = merchantOf(connector);
        verify(connector, signature, body);
        return shopify.handle(merchant, connector, topic, body);
    }

    @Operation(summary = "A WooCommerce webhook (order.created, order.updated, order.deleted), or its unsigned ping "
            + "(a form body webhook_id=<n>) when the webhook is saved", requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = "application/json", schema = @Schema(type = "object", description = "WooCommerce's order, signed in X-WC-Webhook-Signature")),
                    @Content(mediaType = "application/x-www-form-urlencoded", schema = @Schema(type = "string", description = "the ping: webhook_id=<n>"))}))
    @SecurityRequirement(name = "")
    @ApiResponse(responseCode = "200", description = "what the gateway did with it; an empty body for the ping", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HookAnswer.class)))
    @ProblemResponses
    @Post(value = "/woocommerce/{connectorId}", consumes = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    HttpResponse<HookAnswer> woocommerce(@PathVariable String connectorId, @Header("X-WC-Webhook-Signature") @Nullable String signature,
                                         @Header("X-WC-Webhook-Topic") @Nullable String topic, HttpRequest<?> request, @Body @Parameter(hidden = true) byte[] body) {
        if (isPing(request, signature, body)) {
            merchantOf(connectors.forHook(connectorId, Platform.WOOCOMMERCE));
            return HttpResponse.ok();
        }
        Connector connector = connectors.forHook(connectorId, Platform.WOOCOMMERCE);
        Merchant merchant = merchantOf(connector);
        verify(connector, signature, body);
        return HttpResponse.ok(woocommerce.handle(merchant, connector, topic, body));
    }

    /** WooCommerce pings unsigned with a form body {@code webhook_id=<n>} (whatever content type a proxy leaves it). */
    private static boolean isPing(HttpRequest<?> request, @Nullable String signature, byte[] body) {
        return request.getContentType().filter(MediaType.APPLICATION_FORM_URLENCODED_TYPE::matches).isPresent()
                || signature == null && body.length <= 40 && PING.matcher(new String(body, StandardCharsets.US_ASCII)).matches();
    }

    private void verify(Connector connector, @Nullable String signature, byte[] body) {
        HookSignature.verify(connectors.secretOf(connector), body, signature);
        connectors.received(connector);
    }

    /** An offboarded merchant's connector is gone with it, though its row may wait for the sweep. */
    private Merchant merchantOf(Connector connector) {
        return merchants.find(connector.merchantId()).orElseThrow(() -> new NotFoundException("No connector has this webhook URL."));
    }
}
