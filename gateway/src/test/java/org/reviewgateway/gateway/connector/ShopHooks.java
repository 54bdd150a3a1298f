package org.reviewgateway.gateway.connector;

import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.GatewayClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A test shop: connects itself to a merchant and posts webhooks signed as Shopify and WooCommerce sign them. */
final class ShopHooks {

    private final GatewayClient client;
    final String platform;
    final String secret;
    final String path;

    private ShopHooks(GatewayClient client, String platform, String secret, String path) {
        this.client = client;
        this.platform = platform;
        this.secret = secret;
        this.path = path;
    }

    static ShopHooks connect(GatewayClient client, String key, String platform, String delivery, String trigger) {
        String secret = "shop-secret-" + java.util.UUID.randomUUID();
        Reply reply = client.send("PUT", "/v1/connectors/" + platform, key, "application/json",
                "{\"secret\":\"" + secret + "\",\"delivery\":\"" + delivery + "\",\"trigger\":\"" + trigger + "\"}");
        assertEquals(200, reply.status(), reply::toString);
        return new ShopHooks(client, platform, secret, URI.create((String) reply.json().get("webhookUrl")).getPath());
    }

    static String sign(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(HookSignature.sign(secret, body));
    }

    Reply post(String topic, String body) {
        return post(topic, body.getBytes(StandardCharsets.UTF_8));
    }

    Reply post(String topic, byte[] body) {
        return postSigned(topic, body, sign(secret, body), "application/json");
    }

    Reply postSigned(String topic, byte[] body, String signature, String contentType) {
        Map<String, String> headers = platform.equals("shopify")
                ? Map.of("X-Shopify-Topic", topic, "X-Shopify-Hmac-Sha256", signature)
                : Map.of("X-WC-Webhook-Topic", topic, "X-WC-Webhook-Signature", signature);
        return client.postRaw(path, headers, contentType, body);
    }

    Reply postUnsigned(String topic, byte[] body) {
        Map<String, String> headers = platform.equals("shopify") ? Map.of("X-Shopify-Topic", topic) : Map.of("X-WC-Webhook-Topic", topic);
        return client.postRaw(path, headers, "application/json", body);
    }
}
