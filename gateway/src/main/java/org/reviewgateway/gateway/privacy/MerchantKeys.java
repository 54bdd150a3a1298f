package org.reviewgateway.gateway.privacy;

import io.micronaut.core.annotation.Nullable;
import org.reviewgateway.retention.DataKeyWrapping;

import javax.crypto.spec.SecretKeySpec;

/**
 * The keys one merchant's data is sealed and hashed with, each for one purpose: derived from its data key, or for a
 * merchant of the master-key scheme, from the master key.
 *
 * @param keyId what {@code recipients.key_id} records for rows sealed with these keys
 */
record MerchantKeys(String keyId, SecretKeySpec sealing, SecretKeySpec addressHash, SecretKeySpec secrets, SecretKeySpec unsubscribe,
                    @Nullable SecretKeySpec legacyAddressHash) {

    /** {@code legacyAddressHash}: the master-key scheme's hash key of a merchant moved from it, or null. */
    static MerchantKeys ofDataKey(byte[] dataKey, @Nullable SecretKeySpec legacyAddressHash) {
        return new MerchantKeys(DataKeys.DATA_KEY_ID,
                new SecretKeySpec(DataKeyWrapping.derive(dataKey, "recipient-aes-gcm-v1"), "AES"),
                new SecretKeySpec(DataKeyWrapping.derive(dataKey, "address-hmac-v1"), "HmacSHA256"),
                new SecretKeySpec(DataKeyWrapping.derive(dataKey, "shop-secret-aes-gcm-v1"), "AES"),
                new SecretKeySpec(DataKeyWrapping.derive(dataKey, "unsubscribe-token-v1"), "HmacSHA256"), legacyAddressHash);
    }

    @Override
    public String toString() {
        return "MerchantKeys[" + keyId + "]";
    }
}
