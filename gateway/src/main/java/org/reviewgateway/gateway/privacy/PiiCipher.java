package org.reviewgateway.gateway.privacy;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for personal data at rest and HMAC-SHA-256 for looking addresses up without storing them, each under
 * the merchant's own keys ({@link DataKeys}). Ciphertext layout: 12-byte IV, then GCM output (ciphertext and tag).
 */
@Singleton
public class PiiCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataKeys dataKeys;

    public PiiCipher(DataKeys dataKeys) {
        this.dataKeys = dataKeys;
    }

    /** What recipients.key_id records for what this merchant's keys seal now. */
    public String keyId(UUID merchantId) {
        return dataKeys.of(merchantId).keyId();
    }

    public byte[] encrypt(UUID merchantId, String plaintext) {
        return seal(dataKeys.of(merchantId).sealing(), plaintext);
    }

    /**
     * Opens what this merchant's keys sealed, or what was sealed under the master-key scheme before the merchant had a
     * data key (a GCM tag never opens under the wrong key, so trying is safe).
     */
    public String decrypt(UUID merchantId, byte[] sealed) {
        return openEither(dataKeys.of(merchantId).sealing(), dataKeys.masterScheme().sealing(), sealed);
    }

    /** The address's hashes for look-ups: the merchant's own, and the master-key scheme's for a merchant moved from it. */
    public AddressHashes addressHashes(UUID merchantId, String email) {
        MerchantKeys keys = dataKeys.of(merchantId);
        byte[] current = hmac(keys.addressHash(), normalise(email));
        return keys.legacyAddressHash() == null ? AddressHashes.only(current)
                : new AddressHashes(current, hmac(keys.legacyAddressHash(), normalise(email)));
    }

    /** Keyed hash of the address as people compare addresses (trimmed, case-insensitive), keyed per merchant. */
    public byte[] addressHash(UUID merchantId, String email) {
        return hmac(merchantId, normalise(email));
    }

    /** Keyed hash of any text, for fingerprints that must not be reversible without the merchant's key. */
    public byte[] hmac(UUID merchantId, String text) {
        return hmac(dataKeys.of(merchantId).addressHash(), text);
    }

    private static byte[] hmac(SecretKey key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 failed", e);
        }
    }

    /** A shop's webhook signing secret: sealed like personal data, under a key of its own purpose. */
    public byte[] sealSecret(UUID merchantId, String secret) {
        return seal(dataKeys.of(merchantId).secrets(), secret);
    }

    /** Like {@link #decrypt}: a secret sealed before the merchant had a data key opens under the master-key scheme. */
    public String unsealSecret(UUID merchantId, byte[] sealed) {
        return openEither(dataKeys.of(merchantId).secrets(), dataKeys.masterScheme().secrets(), sealed);
    }

    /** Under the merchant's key of now, else under the one of the master-key scheme (the same key for a merchant still on it). */
    private static String openEither(SecretKey own, SecretKey beforeTheMove, byte[] sealed) {
        try {
            return unseal(own, sealed);
        } catch (AEADBadTagException notThisKey) {
            if (beforeTheMove.equals(own)) {
                throw failed();
            }
            try {
                return unseal(beforeTheMove, sealed);
            } catch (GeneralSecurityException neither) {
                throw failed();
            }
        } catch (GeneralSecurityException e) {
            throw failed();
        }
    }

    /** Whether this was sealed with the merchant's keys of now (not before it moved to a data key). */
    public boolean sealedWithCurrentKey(UUID merchantId, byte[] sealed, boolean secret) {
        MerchantKeys keys = dataKeys.of(merchantId);
        try {
            unseal(secret ? keys.secrets() : keys.sealing(), sealed);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether {@code stored} is the digest of these fields, made now or before the merchant moved to a data key. */
    public boolean isCustomerDigest(UUID merchantId, byte[] stored, String email, @Nullable String name) {
        MerchantKeys keys = dataKeys.of(merchantId);
        String fields = customerFields(email, name);
        return MessageDigest.isEqual(stored, hmac(keys.addressHash(), fields))
                || keys.legacyAddressHash() != null && MessageDigest.isEqual(stored, hmac(keys.legacyAddressHash(), fields));
    }

    /** Tells a repeated order request from a conflicting one without keeping the customer fields. */
    public byte[] customerDigest(UUID merchantId, String email, @Nullable String name) {
        return hmac(merchantId, customerFields(email, name));
    }

    private static String customerFields(String email, @Nullable String name) {
        return normalise(email) + "\n" + (name == null ? "" : name);
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Seals under the master-key scheme without a database, for tools that seed data offline (tests, the benchmark). */
    public static byte[] sealOffline(PiiKeys keys, String plaintext) {
        return seal(keys.scheme().sealing(), plaintext);
    }

    private static byte[] seal(SecretKey key, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static String unseal(SecretKey key, byte[] ivAndCiphertext) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
        byte[] plain = cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
        return new String(plain, StandardCharsets.UTF_8);
    }

    private static IllegalStateException failed() {
        return new IllegalStateException("AES-GCM decryption failed (wrong GATEWAY_PII_KEY?)");
    }
}
