package org.reviewgateway.gateway.template;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.web.CustomerTexts;
import org.reviewgateway.gateway.web.HtmlPages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eleven languages: every text in every language, every page and built-in mail rendered in each with nothing left raw,
 * the contract's fallback from the customer's locale, and the language marked on pages and mails.
 */
@MicronautTest(transactional = false)
class LanguagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    private static final List<String> PAGES = List.of("review-form", "review-thanks", "review-already", "unsubscribe-confirm",
            "unsubscribe-done", "unsubscribe-undone", "not-found");

    @Inject
    CustomerTexts texts;
    @Inject
    HtmlPages pages;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void everyLanguageHasEveryTextWithTheSamePlaceholders() {
        Map<String, String> english = texts.all("en");
        assertEquals(11, CustomerTexts.LANGUAGES.size());
        for (String language : CustomerTexts.LANGUAGES) {
            Map<String, String> translated = texts.all(language);
            assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(translated.keySet()), language + ": the same keys as English");
            for (Map.Entry<String, String> text : english.entrySet()) {
                assertEquals(placeholders(text.getValue()), placeholders(translated.get(text.getKey())), language + " " + text.getKey());
                assertFalse(translated.get(text.getKey()).isBlank(), language + " " + text.getKey());
            }
        }
    }

    @Test
    void everyPageRendersInEveryLanguageWithNothingLeftRaw() {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("shopUrl", "https://shop.example/", "privacyPolicyUrl", false));
        values.putAll(Map.of("shopName", "Shop", "action", "/r/x", "comment", "", "error", "Problem",
                "message", "Gone", "rating", 4, "starsText", "****", "hasProducts", true,
                "stars", List.of(Map.of("id", "star5", "value", 5, "checked", false)),
                "products", List.of(Map.of("position", 0, "name", "Mug", "ratingField", "products[0].rating",
                        "commentField", "products[0].comment", "comment", "", "error", false,
                        "stars", List.of(Map.of("id", "p0-star5", "value", 5, "checked", false))))));
        for (String language : CustomerTexts.LANGUAGES) {
            for (String page : PAGES) {
                var response = pages.page(HttpStatus.OK, page, language + "-XX", values);
                String html = response.body();
                assertTrue(html.contains("<html lang=\"" + language + "\">"), language + " " + page);
                assertEquals(language, response.getHeaders().get("Content-Language"));
                assertFalse(html.contains("[[") || html.contains("{{"), language + " " + page + ": " + html);
            }
        }
        assertTrue(pages.page(HttpStatus.OK, "review-thanks", "ja", values).body().contains("<html lang=\"en\">"),
                "a language the gateway does not speak: English");
    }

    @Test
    void everyBuiltInInvitationRendersInEveryLanguageWithNothingLeftRaw() {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Language Shop").apiKey();
        for (String language : CustomerTexts.LANGUAGES) {
            Map<String, Object> preview = client.postJson("/v1/templates/" + language + "/preview", key, "{}").json();
            for (String part : List.of("subject", "text", "html")) {
                String rendered = (String) preview.get(part);
                assertFalse(rendered.contains("[[") || rendered.contains("{{"), language + " " + part + ": " + rendered);
                assertTrue(rendered.contains("Language Shop") || "text".equals(part) && rendered.contains("https://"), language + " " + part);
            }
            assertTrue(((String) preview.get("html")).contains("<html lang=\"" + language + "\">"), language);
            assertEquals(texts.text(language, "mail.subject").replace("{{shopName}}", "Language Shop"), preview.get("subject"));
        }
    }

    @Test
    void theCustomersLanguageWinsThenTheMerchantsDefaultThenEnglish() {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Fallback Shop").apiKey();
        assertEquals(200, client.send("PATCH", "/v1/settings", key, "application/json", "{\"defaultLocale\":\"de\"}").status());
        assertEquals(texts.text("fr", "mail.subject").replace("{{shopName}}", "Fallback Shop"), subject(client, key, "fr-CA"),
                "the built-in template in the customer's language");
        put(client, key, "de", "Eigene Vorlage");
        assertEquals(texts.text("fr", "mail.subject").replace("{{shopName}}", "Fallback Shop"), subject(client, key, "fr-CA"),
                "the built-in French beats the merchant's own German for a French customer");
        assertEquals("Eigene Vorlage", subject(client, key, "ja"), "a language the gateway does not speak: the merchant's default");
        put(client, key, "fr", "Modèle maison");
        assertEquals("Modèle maison", subject(client, key, "fr-CA"), "the merchant's own for the language");
        put(client, key, "fr-CA", "Modèle canadien");
        assertEquals("Modèle canadien", subject(client, key, "fr-CA"), "the merchant's own for the exact locale");

        String other = client.newMerchant("English Shop").apiKey();
        assertEquals(texts.text("en", "mail.subject").replace("{{shopName}}", "English Shop"), subject(client, other, "ja"));
    }

    @Test
    void theReviewFormAndTheMailSpeakTheOrdersLanguage() {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Boutique").apiKey();
        String link = (String) client.postJson("/v1/orders", key, OrderBody.self("L-" + UUID.randomUUID()).with("locale", "fr-FR").json())
                .json().get("reviewLink");
        Reply form = client.get(link.substring(server.getURL().toString().length()), null);
        assertTrue(form.body().contains("<html lang=\"fr\">"), form.body());
        assertTrue(form.body().contains(escaped(texts.text("fr", "form.heading"))), form.body());
        assertEquals("fr", form.headers().get("content-language").get(0));
    }

    @Test
    void pagesNameTheShopAndLinkBackAndMailsCarryItsImprint() {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Imprint Shop").apiKey();
        assertEquals(200, client.send("PATCH", "/v1/settings", key, "application/json", "{\"shopUrl\":\"https://imprint.example/\","
                + "\"privacyPolicyUrl\":\"https://imprint.example/privacy\",\"imprint\":\"Imprint GmbH <Berlin>\\nHRB 4711\"}").status());
        String link = (String) client.postJson("/v1/orders", key, OrderBody.self("I-" + UUID.randomUUID()).with("locale", "de").json())
                .json().get("reviewLink");
        String form = client.get(link.substring(server.getURL().toString().length()), null).body();
        assertTrue(form.contains("<a href=\"https://imprint.example/\">Zurück zu Imprint Shop</a>"), form);
        assertTrue(form.contains("<a href=\"https://imprint.example/privacy\">Datenschutzerklärung</a>"), form);

        Map<String, Object> preview = client.postJson("/v1/templates/de/preview", key, "{}").json();
        assertTrue(((String) preview.get("text")).contains("Imprint GmbH <Berlin>\nHRB 4711"), (String) preview.get("text"));
        assertTrue(((String) preview.get("html")).contains("Imprint GmbH &lt;Berlin&gt;"), (String) preview.get("html"));

        put(client, key, "en", "Visit {{shopUrl}} – {{privacyPolicyUrl}} – {{imprint}}");
        assertEquals("Visit https://imprint.example/ – https://imprint.example/privacy – Imprint GmbH <Berlin> HRB 4711",
                subject(client, key, "en"), "merchant templates may use them too (a subject stays one line)");
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void put(GatewayClient client, String key, String locale, String subject) {
        Reply put = client.send("PUT", "/v1/templates/" + locale, key, "application/json",
                "{\"subject\":\"" + subject + "\",\"text\":\"{{reviewLink}} {{unsubscribeLink}}\"}");
        assertTrue(put.status() < 300, put::toString);
    }

    private static String subject(GatewayClient client, String key, String locale) {
        return (String) client.postJson("/v1/templates/" + locale + "/preview", key, "{}").json().get("subject");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
