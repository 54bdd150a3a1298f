package org.reviewgateway.gateway.template;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest(transactional = false)
class TemplateApiTest {

    private static final String VALID = "{\"subject\":\"How was {{shopName}}?\",\"text\":\"Hi {{customerName}}, review: {{reviewLink}} (order {{transactionId}}) {{unsubscribeLink}}\","
            + "\"html\":\"<p>Hi {{customerName}}</p><a href=\\\"{{reviewLink}}\\\">Review</a>\"}";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    GatewayClient client;
    String key;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        key = client.newMerchant("Template Shop").apiKey();
    }

    private Reply put(String locale, String body) {
        return client.send("PUT", "/v1/templates/" + locale, key, "application/json", body);
    }

    @Test
    void putVersionsGetListsAndDeleteRemoves() {
        Reply first = put("de-de", VALID);
        assertEquals(200, first.status(), first::toString);
        assertEquals("de-DE", first.json().get("locale"));
        assertEquals(1, ((Number) first.json().get("version")).intValue());
        assertEquals("How was {{shopName}}?", first.json().get("subject"));

        Reply second = put("de-DE", VALID.replace("How was", "Wie war"));
        assertEquals(2, ((Number) second.json().get("version")).intValue());
        assertEquals("Wie war {{shopName}}?", client.get("/v1/templates/de-DE", key).json().get("subject"));
        put("en", "{\"subject\":\"s\",\"text\":\"{{reviewLink}} {{unsubscribeLink}}\"}");

        Reply list = client.get("/v1/templates", key);
        assertEquals(200, list.status());
        assertTrue(list.body().startsWith("["), list.body());
        assertTrue(list.body().contains("\"locale\":\"de-DE\"") && list.body().contains("\"locale\":\"en\""), list.body());
        assertNull(client.get("/v1/templates/en", key).json().get("html"));

        assertEquals(204, client.send("DELETE", "/v1/templates/de-DE", key, null, null).status());
        assertProblem(client.get("/v1/templates/de-DE", key), 404);
        assertProblem(client.send("DELETE", "/v1/templates/de-DE", key, null, null), 404);
    }

    @Test
    void anotherMerchantsTemplateIsInvisible() {
        put("en", VALID);
        String other = client.newMerchant("Other").apiKey();
        assertProblem(client.get("/v1/templates/en", other), 404);
        assertEquals("[]", client.get("/v1/templates", other).body());
        assertProblem(client.send("DELETE", "/v1/templates/en", other, null, null), 404);
        assertEquals(200, client.get("/v1/templates/en", key).status());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text|{\"subject\":\"s\",\"text\":\"{{reviewLink}} {{password}}\"}",
            "text|{\"subject\":\"s\",\"text\":\"{{#shopName}}x{{/shopName}} {{reviewLink}}\"}",
            "text|{\"subject\":\"s\",\"text\":\"{{^shopName}}x{{/shopName}} {{reviewLink}}\"}",
            "text|{\"subject\":\"s\",\"text\":\"{{> footer}} {{reviewLink}}\"}",
            "text|{\"subject\":\"s\",\"text\":\"{{{customerName}}} {{reviewLink}}\"}",
            "text|{\"subject\":\"s\",\"text\":\"{{& customerName}} {{reviewLink}}\"}",
            "text|{\"subject\":\"s\",\"text\":\"{{=<% %>=}} <%reviewLink%>\"}",
            "text|{\"subject\":\"s\",\"text\":\"no link here\"}",
            "text|{\"subject\":\"s\",\"text\":\"{{reviewLink}} but no way to opt out\"}",
            "text|{\"subject\":\"s\",\"text\":\"{{reviewLink\"}",
            "text|{\"subject\":\"s\"}",
            "html|{\"subject\":\"s\",\"text\":\"{{reviewLink}} {{unsubscribeLink}}\",\"html\":\"<p>no link</p>\"}",
            "html|{\"subject\":\"s\",\"text\":\"{{reviewLink}} {{unsubscribeLink}}\",\"html\":\"{{{reviewLink}}}\"}",
            "subject|{\"subject\":\"Hello\\r\\nBcc: all@example.org\",\"text\":\"{{reviewLink}} {{unsubscribeLink}}\"}",
            "subject|{\"subject\":\"{{nope}}\",\"text\":\"{{reviewLink}} {{unsubscribeLink}}\"}",
            "subject|{\"text\":\"{{reviewLink}} {{unsubscribeLink}}\"}",
            "subject|{\"subject\":\"\",\"text\":\"{{reviewLink}} {{unsubscribeLink}}\"}"})
    void invalidTemplatesAre422NamingTheField(String field, String body) {
        assertFieldError(put("en", body), field);
        assertProblem(client.get("/v1/templates/en", key), 404);
    }

    @Test
    void unknownPlaceholderProblemNamesIt() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) assertFieldError(
                put("en", "{\"subject\":\"s\",\"text\":\"{{reviewLink}} {{password}}\"}"), "text").get("errors");
        assertTrue(((String) errors.get(0).get("message")).contains("{{password}}"), errors::toString);
    }

    @Test
    void badLocaleOrBodyIsRefused() {
        assertFieldError(put("not%20a%20locale", VALID), "locale");
        assertProblem(put("en", "{\"subject\":"), 400);
        assertProblem(client.send("PUT", "/v1/templates/en", key, "text/plain", VALID), 415);
        assertProblem(client.send("PUT", "/v1/templates/en", null, "application/json", VALID), 401);
    }

    @Test
    void previewRendersSampleValuesWithEscapedHtml() {
        put("en", VALID);
        Reply reply = client.postJson("/v1/templates/en/preview", key, "{\"customerName\":\"<b>Kim</b>\"}");

        assertEquals(200, reply.status(), reply::toString);
        Map<String, Object> preview = reply.json();
        assertEquals("How was Template Shop?", preview.get("subject"));
        String text = (String) preview.get("text");
        assertTrue(text.startsWith("Hi <b>Kim</b>, review: " + server.getURL() + "/r/"), text);
        String html = (String) preview.get("html");
        assertTrue(html.contains("&lt;b&gt;Kim&lt;/b&gt;"), html);
        assertFalse(html.contains("<b>"), html);
    }

    @Test
    void previewWithoutBodyOrOwnTemplateUsesTheBuiltInOne() {
        Reply german = client.send("POST", "/v1/templates/de-AT/preview", key, null, null);
        assertEquals(200, german.status(), german::toString);
        assertEquals("Wie war Ihre Bestellung bei Template Shop?", german.json().get("subject"));
        assertTrue(((String) german.json().get("html")).contains("<!DOCTYPE html>"));

        Reply fallback = client.send("POST", "/v1/templates/ja/preview", key, "application/json", "");
        assertEquals("How was your order from Template Shop?", fallback.json().get("subject"));
        assertTrue(((String) fallback.json().get("text")).contains("Hello there,"));
    }

    @Test
    void theCustomersLanguageComesBeforeTheMerchantsDefault() {
        client.patchJson("/v1/settings", key, "{\"defaultLocale\":\"fr-CA\"}");
        assertEquals("Wie war Ihre Bestellung bei Template Shop?", client.postJson("/v1/templates/de/preview", key, "{}").json().get("subject"),
                "no own template at all: the built-in one of the customer's language");
        put("fr", "{\"subject\":\"Votre avis\",\"text\":\"{{reviewLink}} {{unsubscribeLink}}\"}");
        assertEquals("Wie war Ihre Bestellung bei Template Shop?", client.postJson("/v1/templates/de/preview", key, "{}").json().get("subject"),
                "the built-in German beats the merchant's own French for a German customer");
        assertEquals("Votre avis", client.postJson("/v1/templates/ja/preview", key, "{}").json().get("subject"),
                "a language the gateway does not speak: the merchant's default");
        put("de", "{\"subject\":\"Ihre Meinung\",\"text\":\"{{reviewLink}} {{unsubscribeLink}}\"}");
        assertEquals("Ihre Meinung", client.postJson("/v1/templates/de-CH/preview", key, "{}").json().get("subject"));
    }

    @Test
    void previewInputIsChecked() {
        assertFieldError(client.postJson("/v1/templates/en/preview", key, "{\"customerName\":\"" + "x".repeat(101) + "\"}"), "customerName");
        assertFieldError(client.postJson("/v1/templates/en/preview", key, "[]"), "(body)");
        assertFieldError(client.postJson("/v1/templates/en/preview", key, "{not json"), "(body)");
    }
}
