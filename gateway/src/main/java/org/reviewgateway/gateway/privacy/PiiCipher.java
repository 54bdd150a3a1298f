package org.reviewgateway.gateway.privacy;

import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for personal data at rest and HMAC-SHA-256 for looking addresses up without storing
 * them. Ciphertext layout: 12-byte IV, then GCM output (ciphertext and tag).
 */
@Singleton
public class PiiCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PiiKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PiiCipher(PiiKeys keys) {
        this.keys = keys;
    }

    public String keyId() {
        return keys.keyId();
    }

    public byte[] encrypt(String plaintext) {
        return seal(keys.encryptionKey(), plaintext);
    }

    public String decrypt(byte[] ivAndCiphertext) {
        return unseal(keys.encryptionKey(), ivAndCiphertext);
    }

    /** A shop's webhook signing secret: sealed like personal data, under a key of its own purpose. */
    public byte[] sealSecret(String secret) {
        return seal(keys.secretSealingKey(), secret);
    }

    public String unsealSecret(byte[] sealed) {
        return unseal(keys.secretSealingKey(), sealed);
    }

    private byte[] seal(SecretKey key, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static String unseal(SecretKey key, byte[] ivAndCiphertext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed (wrong GATEWAY_PII_KEY?)", e);
        }
    }

    /** Keyed hash of the address as people compare addresses: trimmed and case-insensitive. */
    public byte[] addressHash(String email) {
        return hmac(normalise(email));
    }

    /** Keyed hash of any text, for fingerprints that must not be reversible without the key. */
    public byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.addressHashKey());
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 failed", e);
        }
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
