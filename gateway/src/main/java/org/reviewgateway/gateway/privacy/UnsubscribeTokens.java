package org.reviewgateway.gateway.privacy;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

/**
 * One-click unsubscribe tokens, derived from the order with a key: nothing to store but the token's
 * hash (with the recipient, so the link dies with the personal data), and unguessable without the key.
 */
@Singleton
public class UnsubscribeTokens {

    private static final int TOKEN_BYTES = 18;
    private final PiiKeys keys;

    public UnsubscribeTokens(PiiKeys keys) {
        this.keys = keys;
    }

    public String forOrder(long orderId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.unsubscribeKey());
            byte[] digest = mac.doFinal(("unsubscribe:" + orderId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, TOKEN_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 failed", e);
        }
    }
}
