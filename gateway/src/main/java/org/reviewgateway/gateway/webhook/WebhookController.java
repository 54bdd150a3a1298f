package org.reviewgateway.gateway.webhook;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/webhooks")
class WebhookController {

    private final Webhooks webhooks;
    private final WebhookTargets targets;

    WebhookController(Webhooks webhooks, WebhookTargets targets) {
        this.webhooks = webhooks;
        this.targets = targets;
    }

    @Operation(summary = "Subscribe an endpoint to events: each is posted to it signed (Standard Webhooks), retried until a 2xx",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreateWebhookRequest.class))))
    @ApiResponse(responseCode = "201", description = "the webhook, with its signing secret shown this once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookResponse.Created.class)))
    @ProblemResponses
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<WebhookResponse.Created> create(@CallingMerchant Merchant merchant, @Body JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String url = fields.requiredLine("url", WebhookTargets.MAX_URL_LENGTH);
        if (url != null) {
            targets.refusal(url).ifPresent(reason -> fields.reject("url", reason));
        }
        List<WebhookEvent> events = events(fields, body);
        fields.throwIfInvalid();
        Webhooks.Created created = webhooks.create(merchant, url, events);
        Webhook w = created.webhook();
        return HttpResponse.created(new WebhookResponse.Created(w.id(), w.url(), w.eventNames(), created.secret(), w.createdAt()));
    }

    @Operation(summary = "The merchant's webhooks, with the outcome of each one's last attempt (never the secrets)")
    @ApiResponse(responseCode = "200", description = "every webhook", content = @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookResponse.Listing.class)))
    @ProblemResponses
    @Get
    WebhookResponse.Listing list(@CallingMerchant Merchant merchant) {
        return new WebhookResponse.Listing(webhooks.all(merchant).stream().map(WebhookResponse::of).toList());
    }

    @Operation(summary = "Delete a webhook: nothing more is posted to it, not even what was still waiting")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ProblemResponses
    @Delete("/{id}")
    HttpResponse<Void> delete(@CallingMerchant Merchant merchant, @PathVariable String id) {
        webhooks.delete(merchant, id);
        return HttpResponse.noContent();
    }

    /** At least one known event name, each once. */
    private static List<WebhookEvent> events(JsonFields fields, JsonNode body) {
        JsonNode node = body != null && body.isObject() ? body.get("events") : null;
        if (node == null || node.isNull()) {
            fields.reject("events", "is required: a list of at least one event name");
            return List.of();
        }
        if (!node.isArray() || node.size() == 0) {
            fields.reject("events", "must be a list of at least one event name");
            return List.of();
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Optional<WebhookEvent> event = item.isString() ? WebhookEvent.of(item.getStringValue()) : Optional.empty();
            if (event.isEmpty()) {
                fields.reject("events[" + i + "]", "must be one of invitation.sent, invitation.failed, review.created, "
                        + "recipient.unsubscribed, personal_data.purged");
            } else if (!events.contains(event.get())) {
                events.add(event.get());
            }
        }
        return events;
    }
}
