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
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAuthenticationFilter;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.LanguageTags;

import java.io.IOException;
import java.util.List;

@Controller("/v1/templates")
class TemplateController {

    private static final int MAX_SUBJECT = 300;
    private static final int MAX_TEXT = 100_000;
    private static final int MAX_HTML = 200_000;

    private final TemplateLibrary library;
    private final TemplatePreview preview;
    private final JsonMapper json;

    TemplateController(TemplateLibrary library, TemplatePreview preview, JsonMapper json) {
        this.library = library;
        this.preview = preview;
        this.json = json;
    }

    @Get
    List<TemplateResponse> list(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant) {
        return library.all(merchant).stream().map(TemplateResponse::of).toList();
    }

    @Get("/{locale}")
    TemplateResponse get(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant, @PathVariable String locale) {
        return TemplateResponse.of(library.find(merchant, canonical(locale)));
    }

    @Put(value = "/{locale}", consumes = MediaType.APPLICATION_JSON)
    TemplateResponse put(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant,
                         @PathVariable String locale, @Body JsonNode body) {
        String canonical = canonical(locale);
        JsonFields fields = JsonFields.of(body);
        String subject = fields.requiredText("subject", MAX_SUBJECT);
        String text = fields.requiredText("text", MAX_TEXT);
        String html = fields.optionalText("html", MAX_HTML);
        fields.throwIfInvalid();
        return TemplateResponse.of(library.save(merchant, canonical, new TemplateContent(subject, text, html)));
    }

    @Delete("/{locale}")
    HttpResponse<Void> delete(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant, @PathVariable String locale) {
        library.delete(merchant, canonical(locale));
        return HttpResponse.noContent();
    }

    @Post(value = "/{locale}/preview", consumes = MediaType.ALL)
    RenderedMessage preview(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant,
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

    @Post(value = "/{locale}/test-send", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<TestSendResponse> testSend(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant,
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
