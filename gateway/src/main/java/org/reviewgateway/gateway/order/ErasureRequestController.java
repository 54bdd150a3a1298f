package org.reviewgateway.gateway.order;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.ProblemResponses;

/** A customer asked the shop to erase their data: found by the address hash, never by storing the address. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/erasure-requests")
class ErasureRequestController {

    private final PersonalDataErasure erasure;

    ErasureRequestController(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @Operation(summary = "Erase a customer's personal data from every order and suppress the address", requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreateErasureRequest.class))))
    @ApiResponse(responseCode = "200", description = "how many orders lost personal data", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErasureRequestController.ErasureResponse.class)))
    @ProblemResponses
    @Post(consumes = MediaType.APPLICATION_JSON)
    ErasureResponse erase(@CallingMerchant Merchant merchant, @Body JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String email = fields.requiredEmail("email");
        fields.throwIfInvalid();
        return new ErasureResponse(erasure.eraseAddress(merchant, email));
    }

    @Serdeable
    record ErasureResponse(int ordersAffected) {
    }
}
