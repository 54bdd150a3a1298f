package org.reviewgateway.gateway.merchant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.ProblemResponses;

import java.util.UUID;

@Controller("/admin/v1/merchants")
@ExecuteOn(TaskExecutors.BLOCKING)
class MerchantAdminController {

    private static final int MAX_NAME = 200;

    private final MerchantAccounts accounts;
    private final OffboardingSweep sweep;

    MerchantAdminController(MerchantAccounts accounts, OffboardingSweep sweep) {
        this.accounts = accounts;
        this.sweep = sweep;
    }

    @Operation(summary = "Create a merchant; its API key is shown this once", requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreateMerchantRequest.class))), security = @SecurityRequirement(name = "adminToken"))
    @ApiResponse(responseCode = "201", description = "the merchant and its key", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MerchantAdminController.MerchantCreatedResponse.class)))
    @ProblemResponses
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<MerchantCreatedResponse> create(@Body JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String name = fields.requiredLine("name", MAX_NAME);
        fields.throwIfInvalid();
        MerchantAccounts.CreatedMerchant created = accounts.create(name.trim());
        return HttpResponse.created(new MerchantCreatedResponse(
                created.merchant().id().toString(), created.merchant().name(), created.apiKey()));
    }

    @Operation(summary = "Replace a merchant's API key; the old one stops working", security = @SecurityRequirement(name = "adminToken"))
    @ApiResponse(responseCode = "201", description = "the new key, shown this once", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MerchantAdminController.ApiKeyResponse.class)))
    @ProblemResponses
    @Post(value = "/{merchantId}/api-keys", consumes = MediaType.ALL)
    HttpResponse<ApiKeyResponse> rotateKey(@PathVariable String merchantId, @Nullable @Body String ignored) {
        return HttpResponse.created(new ApiKeyResponse(accounts.rotateKey(MerchantAccounts.idOf(merchantId))));
    }

    @Operation(summary = "Offboard a merchant: its data key is destroyed first (its personal data unreadable at once), its API key "
            + "answers 401, its hook URLs and review links 404; its rows are deleted in batches afterwards", security = @SecurityRequirement(name = "adminToken"))
    @ApiResponse(responseCode = "204", description = "offboarded")
    @ProblemResponses
    @Delete("/{merchantId}")
    HttpResponse<Void> offboard(@PathVariable String merchantId) {
        UUID id = MerchantAccounts.idOf(merchantId);
        if (accounts.offboard(id)) {
            sweep.eraseNow(id);
        }
        return HttpResponse.noContent();
    }


    @Serdeable
    record MerchantCreatedResponse(String merchantId, String name, String apiKey) {
    }

    @Serdeable
    record ApiKeyResponse(String apiKey) {
    }
}
