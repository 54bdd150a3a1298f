package org.reviewgateway.retention;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import io.micronaut.context.exceptions.ConfigurationException;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a merchant's data key is kept: 32 random bytes, stored only wrapped (AES-256-GCM) under a key derived from
 * the master key, bound to its merchant (the merchant id is the associated data, so a wrapped key copied to another
 * merchant's row does not open). The gateway and the retention job's --rewrap share it. Keys stay byte arrays,
 * never Strings.
 */
public final class DataKeyWrapping {

    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DataKeyWrapping() {
    }

    /** @throws ConfigurationException naming {@code source} unless it is base64 of 32 bytes */
    public static byte[] decodeMasterKey(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + " must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`); it is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new ConfigurationException(source + " must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`); it decodes to "
                    + key.length + " bytes");
        }
        return key;
    }

    /** GATEWAY_PII_PREVIOUS_KEYS: comma-separated base64, none when unset. */
    public static List<byte[]> decodePreviousKeys(String commaSeparated) {
        List<byte[]> keys = new ArrayList<>();
        if (commaSeparated != null) {
            for (String key : commaSeparated.split(",")) {
                if (!key.isBlank()) {
                    keys.add(decodeMasterKey(key, "GATEWAY_PII_PREVIOUS_KEYS"));
                }
            }
        }
        return keys;
    }

    /** Names a master key in the rows it wrapped, without revealing anything of it. */
    public static String masterKeyId(byte[] master) {
        return HexFormat.of().formatHex(derive(master, "key-id"), 0, 4);
    }

    /** What the database records of the master key its data depends on (pii_key_fingerprints). */
    public static String fingerprint(byte[] master) {
        return HexFormat.of().formatHex(derive(master, "fingerprint-v1"));
    }

    public static byte[] newDataKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public static byte[] wrap(byte[] master, UUID merchantId, byte[] dataKey) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, wrappingKey(master), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(merchantId));
            byte[] sealed = cipher.doFinal(dataKey);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM wrapping failed", e);
        }
    }

    /** @throws GeneralSecurityException when {@code master} is not the key that wrapped it, or it belongs to another merchant */
    public static byte[] unwrap(byte[] master, UUID merchantId, byte[] wrapped) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, wrappingKey(master), new GCMParameterSpec(TAG_BITS, wrapped, 0, IV_BYTES));
        cipher.updateAAD(associatedData(merchantId));
        return cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
    }

    /** A key for one purpose from a key for many: HMAC-SHA-256 of the purpose, so one secret never serves two algorithms. */
    public static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static SecretKeySpec wrappingKey(byte[] master) {
        return new SecretKeySpec(derive(master, "data-key-wrap-v1"), "AES");
    }

    private static byte[] associatedData(UUID merchantId) {
        return ("data-key:" + merchantId).getBytes(StandardCharsets.US_ASCII);
    }
}
