package org.reviewgateway.gateway.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
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
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.ProblemResponses;
import org.reviewgateway.gateway.web.PublicLinks;

import java.util.UUID;

/** The admin invites a merchant's staff to the console: a user, and a single-use set-password link shown once. */
@Controller("/admin/v1/merchants/{merchantId}/users")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsoleUserAdminController {

    private final ConsoleUsers users;
    private final MerchantAccounts merchants;
    private final PublicLinks links;

    ConsoleUserAdminController(ConsoleUsers users, MerchantAccounts merchants, PublicLinks links) {
        this.users = users;
        this.merchants = merchants;
        this.links = links;
    }

    @Operation(summary = "Invite a console user; the set-password link (valid 24 h, single use) is shown this once",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreateUserRequest.class))),
            security = @SecurityRequirement(name = "adminToken"))
    @ApiResponse(responseCode = "201", description = "the user and its set-password link",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserCreatedResponse.class)))
    @ProblemResponses
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<UserCreatedResponse> create(@PathVariable String merchantId, @Body JsonNode body) {
        UUID id = MerchantAccounts.idOf(merchantId);
        if (merchants.find(id).isEmpty()) {
            throw new NotFoundException("No merchant with this ID.");
        }
        JsonFields fields = JsonFields.of(body);
        String email = fields.requiredEmail("email");
        fields.throwIfInvalid();
        ConsoleUsers.Invitation invitation = users.invite(id, email);
        return HttpResponse.created(new UserCreatedResponse(invitation.user().id().toString(), invitation.user().email(),
                links.console("set-password/" + invitation.token())));
    }


    @Serdeable
    @Schema(name = "CreateConsoleUserRequest")
    record CreateUserRequest(@Schema(format = "email") String email) {
    }

    @Serdeable
    @Schema(name = "ConsoleUserCreated")
    record UserCreatedResponse(String userId, String email, String setPasswordLink) {
    }
}
