package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import org.reviewgateway.gateway.web.DomainException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Shopify and WooCommerce sign the raw body the same way: base64 of its HMAC-SHA256 under the shared secret. */
final class HookSignature {

    private HookSignature() {
    }

    /** @throws DomainException UNAUTHENTICATED unless {@code presented} is the body's signature (compared in constant time) */
    static void verify(String secret, byte[] body, @Nullable String presented) {
        if (presented == null || !MessageDigest.isEqual(sign(secret, body), decode(presented))) {
            throw new DomainException(DomainException.Condition.UNAUTHENTICATED, "urn:review-gateway:problem:bad-signature",
                    "The webhook's signature is missing or does not match the connector's secret; nothing was read.");
        }
    }

    static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 failed", e);
        }
    }

    private static byte[] decode(String presented) {
        try {
            return Base64.getDecoder().decode(presented.trim());
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }
}
