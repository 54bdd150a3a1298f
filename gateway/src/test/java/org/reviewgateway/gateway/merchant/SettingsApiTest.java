package org.reviewgateway.gateway.merchant;

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

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest
class SettingsApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    GatewayClient client;
    String key;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        key = client.newMerchant("Acme Shop").apiKey();
    }

    @Test
    void newMerchantHasTheDocumentedDefaults() {
        Reply reply = client.get("/v1/settings", key);

        assertEquals(200, reply.status());
        Map<String, Object> expected = new HashMap<>();
        expected.put("shopName", "Acme Shop");
        expected.put("senderName", "Acme Shop");
        expected.put("replyTo", null);
        expected.put("defaultLocale", "en");
        expected.put("inviteDelay", "P7D");
        expected.put("reminderDelay", null);
        expected.put("invitationCooldown", null);
        expected.put("retention", "P30D");
        expected.put("shopUrl", null);
        expected.put("privacyPolicyUrl", null);
        expected.put("imprint", null);
        assertEquals(expected, reply.json());
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndAnswersTheWholeObject() {
        Reply reply = client.patchJson("/v1/settings", key,
                "{\"senderName\":\"Acme Care\",\"replyTo\":\"care@acme.example\",\"reminderDelay\":\"P3D\",\"inviteDelay\":\"PT0S\",\"defaultLocale\":\"de-de\"}");

        assertEquals(200, reply.status(), reply::toString);
        Map<String, Object> settings = reply.json();
        assertEquals("Acme Shop", settings.get("shopName"));
        assertEquals("Acme Care", settings.get("senderName"));
        assertEquals("care@acme.example", settings.get("replyTo"));
        assertEquals("P3D", settings.get("reminderDelay"));
        assertEquals("PT0S", settings.get("inviteDelay"));
        assertEquals("de-DE", settings.get("defaultLocale"));
        assertEquals(settings, client.get("/v1/settings", key).json());
    }

    @Test
    void nullTurnsOptionalSettingsOff() {
        client.patchJson("/v1/settings", key, "{\"reminderDelay\":\"P3D\",\"invitationCooldown\":\"P30D\",\"replyTo\":\"care@acme.example\"}");
        Map<String, Object> settings = client.patchJson("/v1/settings", key,
                "{\"reminderDelay\":null,\"invitationCooldown\":null,\"replyTo\":null}").json();
        assertNull(settings.get("reminderDelay"));
        assertNull(settings.get("invitationCooldown"));
        assertNull(settings.get("replyTo"));
    }

    @Test
    void durationsAreWrittenInTheirShortestIsoForm() {
        Map<String, Object> settings = client.patchJson("/v1/settings", key,
                "{\"inviteDelay\":\"PT12H\",\"reminderDelay\":\"P2W\",\"retention\":\"PT48H\"}").json();
        assertEquals("PT12H", settings.get("inviteDelay"));
        assertEquals("P14D", settings.get("reminderDelay"));
        assertEquals("P2D", settings.get("retention"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "retention|\"PT23H\"",
            "retention|\"P366D\"",
            "retention|null",
            "retention|\"P1M\"",
            "inviteDelay|\"-P1D\"",
            "inviteDelay|\"seven days\"",
            "inviteDelay|7",
            "inviteDelay|null",
            "reminderDelay|\"-PT1S\"",
            "invitationCooldown|\"soon\"",
            "replyTo|\"not an address\"",
            "defaultLocale|\"English please\"",
            "defaultLocale|null",
            "shopName|\"\"",
            "shopName|null",
            "senderName|\"Acme\\r\\nBcc: victim@example.org\"",
            "senderName|42",
            "shopUrl|\"http://shop.example/\"",
            "shopUrl|\"shop.example\"",
            "shopUrl|\"https://user:pw@shop.example/\"",
            "shopUrl|\"javascript:alert(1)\"",
            "privacyPolicyUrl|\"ftp://shop.example/privacy\"",
            "privacyPolicyUrl|7",
            "imprint|42",
            "imprint|\"Acme GmbH\\u0007\"",
            "imprint|\"Acme \\u202Eevil\""})
    void invalidSettingsAre422AndChangeNothing(String field, String value) {
        Map<String, Object> before = client.get("/v1/settings", key).json();
        assertFieldError(client.patchJson("/v1/settings", key, "{\"" + field + "\":" + value + "}"), field);
        assertEquals(before, client.get("/v1/settings", key).json());
    }

    @Test
    void theShopsLinksAndImprintAreSetAndCleared() {
        Map<String, Object> set = client.patchJson("/v1/settings", key, "{\"shopUrl\":\"https://acme.example/\","
                + "\"privacyPolicyUrl\":\"https://acme.example/privacy\",\"imprint\":\"Acme GmbH\\nMain St 1, Berlin\\nHRB 12345\"}").json();
        assertEquals("https://acme.example/", set.get("shopUrl"));
        assertEquals("https://acme.example/privacy", set.get("privacyPolicyUrl"));
        assertEquals("Acme GmbH\nMain St 1, Berlin\nHRB 12345", set.get("imprint"));
        assertFieldError(client.patchJson("/v1/settings", key, "{\"imprint\":\"" + "x".repeat(501) + "\"}"), "imprint");
        Map<String, Object> cleared = client.patchJson("/v1/settings", key, "{\"shopUrl\":null,\"privacyPolicyUrl\":null,\"imprint\":null}").json();
        assertNull(cleared.get("shopUrl"));
        assertNull(cleared.get("privacyPolicyUrl"));
        assertNull(cleared.get("imprint"));
    }

    @Test
    void oneBadFieldRejectsTheWholePatch() {
        Map<String, Object> before = client.get("/v1/settings", key).json();
        assertFieldError(client.patchJson("/v1/settings", key, "{\"shopName\":\"New\",\"retention\":\"P0D\"}"), "retention");
        assertEquals(before, client.get("/v1/settings", key).json());
    }

    @Test
    void retentionBoundsAreInclusive() {
        assertEquals("P1D", client.patchJson("/v1/settings", key, "{\"retention\":\"P1D\"}").json().get("retention"));
        assertEquals("P365D", client.patchJson("/v1/settings", key, "{\"retention\":\"P365D\"}").json().get("retention"));
    }

    @Test
    void patchNeedsJsonObject() {
        assertProblem(client.send("PATCH", "/v1/settings", key, "text/plain", "retention=P1D"), 415);
        assertProblem(client.patchJson("/v1/settings", key, "{\"retention\":"), 400);
        assertFieldError(client.patchJson("/v1/settings", key, "\"P1D\""), "(body)");
        assertProblem(client.patchJson("/v1/settings", null, "{}"), 401);
    }
}
