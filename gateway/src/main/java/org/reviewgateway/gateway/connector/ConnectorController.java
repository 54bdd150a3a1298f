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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.ProblemResponses;

@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/connectors")
class ConnectorController {

    private final ConnectorSetup setup;

    ConnectorController(ConnectorSetup setup) {
        this.setup = setup;
    }

    @Operation(summary = "Connect a shop (or change its connector): the shop then posts its order webhooks to webhookUrl",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = PutConnectorRequest.class))))
    @ApiResponse(responseCode = "200", description = "the connector; webhookUrl stays the same across later PUTs", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectorResponse.class)))
    @ProblemResponses
    @Put(value = "/{platform}", consumes = MediaType.APPLICATION_JSON)
    ConnectorResponse put(@CallingMerchant Merchant merchant, @PathVariable String platform, @Body JsonNode body) {
        Platform p = ConnectorSetup.platform(platform);
        JsonFields fields = JsonFields.of(body);
        String secret = fields.optionalText("secret", ConnectorSetup.MAX_SECRET);
        String delivery = fields.optionalText("delivery", 16);
        String trigger = fields.optionalText("trigger", 16);
        ConnectorSetup.mistakes(p, new Connectors.Change(secret, delivery, trigger)).forEach(m -> fields.reject(m.field(), m.message()));
        fields.throwIfInvalid();
        return response(setup.put(merchant, platform, secret, delivery, trigger));
    }

    @Operation(summary = "The merchant's connectors, with when each last heard from its shop")
    @ApiResponse(responseCode = "200", description = "every connector", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConnectorResponse.Listing.class)))
    @ProblemResponses
    @Get
    ConnectorResponse.Listing list(@CallingMerchant Merchant merchant) {
        return new ConnectorResponse.Listing(setup.all(merchant).stream().map(ConnectorController::response).toList());
    }

    @Operation(summary = "Disconnect a shop: its webhook URL answers 404 from now on")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ProblemResponses
    @Delete("/{platform}")
    HttpResponse<Void> delete(@CallingMerchant Merchant merchant, @PathVariable String platform) {
        setup.delete(merchant, platform);
        return HttpResponse.noContent();
    }

    private static ConnectorResponse response(ConnectorSetup.View c) {
        return new ConnectorResponse(c.platform(), c.webhookUrl(), c.delivery(), c.trigger(), c.updatedAt(), c.lastReceivedAt());
    }
}
