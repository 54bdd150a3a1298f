package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.mail.RenderedMessage;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.LanguageTags;
import org.reviewgateway.gateway.web.ProblemResponses;

import java.io.IOException;
import java.util.List;

@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/templates")
class TemplateController {

    private final TemplateLibrary library;
    private final TemplatePreview preview;
    private final JsonMapper json;

    TemplateController(TemplateLibrary library, TemplatePreview preview, JsonMapper json) {
        this.library = library;
        this.preview = preview;
        this.json = json;
    }

    @Operation(summary = "The merchant's templates")
    @ApiResponse(responseCode = "200", description = "every locale with a template of its own", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateResponse.class)))
    @ProblemResponses
    @Get
    List<TemplateResponse> list(@CallingMerchant Merchant merchant) {
        return library.all(merchant).stream().map(TemplateResponse::of).toList();
    }

    @Operation(summary = "One template")
    @ApiResponse(responseCode = "200", description = "the template", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateResponse.class)))
    @ProblemResponses
    @Get("/{locale}")
    TemplateResponse get(@CallingMerchant Merchant merchant, @PathVariable String locale) {
        return TemplateResponse.of(library.find(merchant, canonical(locale)));
    }

    @Operation(summary = "Create or replace the template of a locale", requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = PutTemplateRequest.class))))
    @ApiResponse(responseCode = "200", description = "the stored template with its new version", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateResponse.class)))
    @ProblemResponses
    @Put(value = "/{locale}", consumes = MediaType.APPLICATION_JSON)
    TemplateResponse put(@CallingMerchant Merchant merchant,
                         @PathVariable String locale, @Body JsonNode body) {
        String canonical = canonical(locale);
        JsonFields fields = JsonFields.of(body);
        String subject = fields.requiredText("subject", TemplateSyntax.MAX_SUBJECT);
        String text = fields.requiredText("text", TemplateSyntax.MAX_TEXT);
        String html = fields.optionalText("html", TemplateSyntax.MAX_HTML);
        fields.throwIfInvalid();
        return TemplateResponse.of(library.save(merchant, canonical, new TemplateContent(subject, text, html)));
    }

    @Operation(summary = "Delete the template of a locale (the built-in one applies again)")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ProblemResponses
    @Delete("/{locale}")
    HttpResponse<Void> delete(@CallingMerchant Merchant merchant, @PathVariable String locale) {
        library.delete(merchant, canonical(locale));
        return HttpResponse.noContent();
    }

    @Operation(summary = "Render the template for a locale with sample values")
    @ApiResponse(responseCode = "200", description = "subject, text and html as a customer would read them", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RenderedMessage.class)))
    @ProblemResponses
    @Post(value = "/{locale}/preview", consumes = MediaType.ALL)
    RenderedMessage preview(@CallingMerchant Merchant merchant,
                            @PathVariable String locale, @Nullable @Body String body) {
        String canonical = canonical(locale);
        String customerName = null;
        if (body != null && !body.isBlank()) {
            JsonFields fields = JsonFields.of(parse(body));
            customerName = fields.optionalLine("customerName", 100);
            fields.throwIfInvalid();
        }
        return preview.render(merchant, canonical, customerName);
    }

    @Operation(summary = "Send one test message from the template; the address is not stored", requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = TestSendRequest.class))))
    @ApiResponse(responseCode = "202", description = "handed to the mail server", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateController.TestSendResponse.class)))
    @ProblemResponses
    @Post(value = "/{locale}/test-send", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<TestSendResponse> testSend(@CallingMerchant Merchant merchant,
                                            @PathVariable String locale, @Body JsonNode body) {
        String canonical = canonical(locale);
        JsonFields fields = JsonFields.of(body);
        String email = fields.requiredEmail("email");
        fields.throwIfInvalid();
        preview.testSend(merchant, canonical, email);
        return HttpResponse.status(HttpStatus.ACCEPTED).body(new TestSendResponse(canonical, true));
    }

    private JsonNode parse(String body) {
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new InvalidInputException("(body)", "must be empty or a JSON object");
        }
    }

    private static String canonical(String locale) {
        return LanguageTags.canonical(locale)
                .orElseThrow(() -> new InvalidInputException("locale", "must be a language tag such as en or de-DE"));
    }

    @Serdeable
    record TestSendResponse(String locale, boolean test) {
    }
}
