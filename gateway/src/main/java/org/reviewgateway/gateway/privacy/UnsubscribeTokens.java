package org.reviewgateway.gateway.privacy;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * One-click unsubscribe tokens, derived from the order with the merchant's key: nothing to store but the token's
 * hash, and unguessable without the key. Derived from the data key, not the master key, so a rotated master key
 * leaves every token of an invitation still to be sent as it was recorded.
 */
@Singleton
public class UnsubscribeTokens {

    private static final int TOKEN_BYTES = 18;
    private final DataKeys dataKeys;

    public UnsubscribeTokens(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    public String forOrder(UUID merchantId, long orderId) {
        return token(dataKeys.of(merchantId).unsubscribe(), orderId);
    }

    /**
     * The token recorded for a stored recipient: one sealed before its merchant moved to a data key (and not re-sealed
     * yet) had its token recorded under the master-key scheme, and its invitation must carry that one.
     */
    public String forRecipient(UUID merchantId, long orderId, String recipientKeyId) {
        MerchantKeys keys = dataKeys.of(merchantId);
        boolean sealedBeforeTheMove = !recipientKeyId.equals(keys.keyId()) && keys.legacyAddressHash() != null;
        return token(sealedBeforeTheMove ? dataKeys.masterScheme().unsubscribe() : keys.unsubscribe(), orderId);
    }

    private static String token(SecretKey key, long orderId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("unsubscribe:" + orderId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, TOKEN_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 failed", e);
        }
    }
}
