package org.reviewgateway.gateway.connector;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.ProblemResponses;
import org.reviewgateway.gateway.web.PublicLinks;

@Controller("/v1/connectors")
class ConnectorController {

    private static final int MIN_SECRET = 16;
    private static final int MAX_SECRET = 256;

    private final Connectors connectors;
    private final PublicLinks links;

    ConnectorController(Connectors connectors, PublicLinks links) {
        this.connectors = connectors;
        this.links = links;
    }

    @Operation(summary = "Connect a shop (or change its connector): the shop then posts its order webhooks to webhookUrl",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = PutConnectorRequest.class))))
    @ApiResponse(responseCode = "200", description = "the connector; webhookUrl stays the same across later PUTs", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectorResponse.class)))
    @ProblemResponses
    @Put(value = "/{platform}", consumes = MediaType.APPLICATION_JSON)
    ConnectorResponse put(@CallingMerchant Merchant merchant, @PathVariable String platform, @Body JsonNode body) {
        Platform p = platform(platform);
        JsonFields fields = JsonFields.of(body);
        String secret = fields.optionalText("secret", MAX_SECRET);
        if (secret != null && secret.length() < MIN_SECRET) {
            fields.reject("secret", "must be " + MIN_SECRET + "-" + MAX_SECRET + " characters (the shop's webhook signing secret)");
        }
        String delivery = fields.optionalText("delivery", 16);
        if (delivery != null && !delivery.equals(Connector.DELEGATED) && !delivery.equals(Connector.SELF)) {
            fields.reject("delivery", "must be \"delegated\" or \"self\"");
        }
        String trigger = fields.optionalText("trigger", 16);
        if (trigger != null && !p.triggers.contains(trigger)) {
            fields.reject("trigger", "must be one of " + String.join(", ", p.triggers) + " for " + p.wire());
        }
        fields.throwIfInvalid();
        return response(connectors.put(merchant, p, new Connectors.Change(secret, delivery, trigger)));
    }

    @Operation(summary = "The merchant's connectors, with when each last heard from its shop")
    @ApiResponse(responseCode = "200", description = "every connector", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectorResponse.Listing.class)))
    @ProblemResponses
    @Get
    ConnectorResponse.Listing list(@CallingMerchant Merchant merchant) {
        return new ConnectorResponse.Listing(connectors.all(merchant).stream().map(this::response).toList());
    }

    @Operation(summary = "Disconnect a shop: its webhook URL answers 404 from now on")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ProblemResponses
    @Delete("/{platform}")
    HttpResponse<Void> delete(@CallingMerchant Merchant merchant, @PathVariable String platform) {
        connectors.delete(merchant, platform(platform));
        return HttpResponse.noContent();
    }

    private ConnectorResponse response(Connector c) {
        return new ConnectorResponse(c.platform().wire(), links.hookUrl(c.platform().wire(), c.id()), c.delivery(), c.triggerStatus(),
                c.updatedAt(), c.lastReceivedAt());
    }

    private static Platform platform(String platform) {
        return Platform.of(platform).orElseThrow(() -> new NotFoundException("There is no such platform; the platforms are shopify and woocommerce."));
    }
}
