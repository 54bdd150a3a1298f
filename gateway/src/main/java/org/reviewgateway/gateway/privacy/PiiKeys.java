package org.reviewgateway.gateway.privacy;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import org.reviewgateway.config.GatewayConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The master key for personal data (GATEWAY_PII_KEY, or generated once into the data dir) and the
 * purpose keys derived from it, so that one secret never serves two algorithms.
 */
@Context
public class PiiKeys {

    static final String KEY_FILE = "pii.key";
    private static final int KEY_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(PiiKeys.class);

    private final String keyId;
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec addressHashKey;
    private final SecretKeySpec unsubscribeKey;

    public PiiKeys(GatewayConfiguration configuration) {
        byte[] master = configuration.piiKey() != null
                ? decode(configuration.piiKey(), "GATEWAY_PII_KEY")
                : loadOrGenerate(Path.of(configuration.dataDir()).resolve(KEY_FILE));
        this.keyId = HexFormat.of().formatHex(derive(master, "key-id"), 0, 4);
        this.encryptionKey = new SecretKeySpec(derive(master, "aes-gcm-v1"), "AES");
        this.addressHashKey = new SecretKeySpec(derive(master, "address-hmac-v1"), "HmacSHA256");
        this.unsubscribeKey = new SecretKeySpec(derive(master, "unsubscribe-token-v1"), "HmacSHA256");
    }

    /** Identifies the master key in stored rows, so a rotated key can tell its ciphertexts apart. */
    public String keyId() {
        return keyId;
    }

    SecretKeySpec encryptionKey() {
        return encryptionKey;
    }

    SecretKeySpec addressHashKey() {
        return addressHashKey;
    }

    SecretKeySpec unsubscribeKey() {
        return unsubscribeKey;
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + " must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`); it is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new ConfigurationException(source + " must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`); it decodes to " + key.length + " bytes");
        }
        return key;
    }

    private static byte[] loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toAbsolutePath().toString());
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            restrictToOwner(file);
            LOG.warn("GATEWAY_PII_KEY is not set: generated a key into {}. Back it up; without it the stored personal data cannot be read.", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new ConfigurationException("GATEWAY_PII_KEY is not set and the key file " + file.toAbsolutePath() + " cannot be read or written: " + e.getMessage());
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and similar: file permissions follow the directory's.
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
