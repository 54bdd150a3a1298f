package org.reviewgateway.gateway.merchant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.NotFoundException;

import java.util.UUID;

@Controller("/admin/v1/merchants")
@ExecuteOn(TaskExecutors.BLOCKING)
class MerchantAdminController {

    private static final int MAX_NAME = 200;

    private final MerchantAccounts accounts;

    MerchantAdminController(MerchantAccounts accounts) {
        this.accounts = accounts;
    }

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

    @Post(value = "/{merchantId}/api-keys", consumes = MediaType.ALL)
    HttpResponse<ApiKeyResponse> rotateKey(@PathVariable String merchantId, @Nullable @Body String ignored) {
        return HttpResponse.created(new ApiKeyResponse(accounts.rotateKey(parseId(merchantId))));
    }

    private static UUID parseId(String merchantId) {
        try {
            return UUID.fromString(merchantId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No merchant with this ID.");
        }
    }

    @Serdeable
    record MerchantCreatedResponse(String merchantId, String name, String apiKey) {
    }

    @Serdeable
    record ApiKeyResponse(String apiKey) {
    }
}
