package org.reviewgateway.gateway.merchant;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.web.ProblemResponses;


@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/settings")
class SettingsController {

    private final MerchantSettings settings;

    SettingsController(MerchantSettings settings) {
        this.settings = settings;
    }

    @Operation(summary = "The merchant's settings")
    @ApiResponse(responseCode = "200", description = "the settings", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettingsResponse.class)))
    @ProblemResponses
    @Get
    SettingsResponse get(@CallingMerchant Merchant merchant) {
        return SettingsResponse.of(merchant.settings());
    }

    @Operation(summary = "Change any subset of the settings", requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = PatchSettingsRequest.class))))
    @ApiResponse(responseCode = "200", description = "the whole settings object", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettingsResponse.class)))
    @ProblemResponses
    @Patch(consumes = MediaType.APPLICATION_JSON)
    SettingsResponse patch(@CallingMerchant Merchant merchant,
                           @Body JsonNode body) {
        return settings.patch(merchant.id(), body);
    }
}
