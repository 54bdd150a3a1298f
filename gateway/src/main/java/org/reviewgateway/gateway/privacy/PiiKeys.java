package org.reviewgateway.gateway.privacy;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;
import org.reviewgateway.config.GatewayConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    private final SecretKeySpec secretSealingKey;

    @Inject
    public PiiKeys(GatewayConfiguration configuration, KeyFingerprints fingerprints) {
        this(masterKey(configuration, fingerprints));
    }

    private PiiKeys(byte[] master) {
        this.keyId = HexFormat.of().formatHex(derive(master, "key-id"), 0, 4);
        this.encryptionKey = new SecretKeySpec(derive(master, "aes-gcm-v1"), "AES");
        this.addressHashKey = new SecretKeySpec(derive(master, "address-hmac-v1"), "HmacSHA256");
        this.unsubscribeKey = new SecretKeySpec(derive(master, "unsubscribe-token-v1"), "HmacSHA256");
        this.secretSealingKey = new SecretKeySpec(derive(master, "shop-secret-aes-gcm-v1"), "AES");
    }

    /** Keys from a base64 master key without looking at any database: for tools that seal data offline (test seeding). */
    public static PiiKeys offline(String base64MasterKey) {
        return new PiiKeys(decode(base64MasterKey, "the master key"));
    }

    private static byte[] masterKey(GatewayConfiguration configuration, KeyFingerprints fingerprints) {
        Path keyFile = Path.of(configuration.dataDir()).resolve(KEY_FILE);
        byte[] master = configuration.piiKey() != null
                ? decode(configuration.piiKey(), "GATEWAY_PII_KEY")
                : loadOrGenerate(keyFile, fingerprints);
        verify(HexFormat.of().formatHex(derive(master, "fingerprint-v1")), fingerprints, configuration.piiKey() != null ? null : keyFile);
        return master;
    }

    /** The key must be the one the database was written with; a first start records it. */
    private static void verify(String fingerprint, KeyFingerprints fingerprints, Path keyFile) {
        String standing = fingerprints.recordIfAbsent(fingerprint);
        if (!MessageDigest.isEqual(standing.getBytes(StandardCharsets.US_ASCII), fingerprint.getBytes(StandardCharsets.US_ASCII))) {
            String source = keyFile == null ? "the key in GATEWAY_PII_KEY" : "the key file " + keyFile.toAbsolutePath();
            throw new ConfigurationException("GATEWAY_PII_KEY: " + source + " is not the key this database was written with "
                    + "(fingerprint " + fingerprint.substring(0, 8) + ", the database expects " + standing.substring(0, 8)
                    + "); start with the original key, or the stored personal data cannot be read");
        }
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

    SecretKeySpec secretSealingKey() {
        return secretSealingKey;
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

    private static byte[] loadOrGenerate(Path file, KeyFingerprints fingerprints) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toAbsolutePath().toString());
            }
            if (fingerprints.databaseHoldsData()) {
                throw new ConfigurationException("GATEWAY_PII_KEY is not set and the key file " + file.toAbsolutePath()
                        + " is missing, but the database holds data written with a key: restore the key file from its backup, or set GATEWAY_PII_KEY to that key");
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            writeOwnerOnly(file, Base64.getEncoder().encodeToString(key));
            LOG.warn("GATEWAY_PII_KEY is not set: generated a key into {}. Back it up; without it the stored personal data cannot be read.", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new ConfigurationException("GATEWAY_PII_KEY is not set and the key file " + file.toAbsolutePath() + " cannot be read or written: " + e.getMessage());
        }
    }

    /**
     * Writes the key so that it is never readable by others, not even for a moment, and appears whole or not at
     * all: a temporary file created with mode 600, then linked into place without replacing an existing key.
     */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(directory);
        if (posix) {
            restrictToOwner(directory);
        }
        Path temporary = posix
                ? Files.createTempFile(directory, ".pii-key-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, ".pii-key-", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            publishWithoutReplacing(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The data directory of a first start (the key is generated only while the database is empty) holds the key and
     * the database: the owner's alone. A directory this process does not own is left as the operator set it.
     */
    private static void restrictToOwner(Path directory) {
        try {
            if (Files.getOwner(directory).getName().equals(System.getProperty("user.name"))) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            } else {
                LOG.warn("The data directory {} belongs to another user; its permissions were left as they are", directory);
            }
        } catch (IOException e) {
            LOG.warn("Could not restrict the data directory {} to its owner ({})", directory, e.getClass().getSimpleName());
        }
    }

    /** A second process starting at the same moment must not replace a key the first already uses: fail instead. */
    private static void publishWithoutReplacing(Path temporary, Path file) throws IOException {
        try {
            Files.createLink(file, temporary);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException noHardLinks) {
            if (noHardLinks instanceof java.nio.file.FileAlreadyExistsException exists) {
                throw exists;
            }
            Files.move(temporary, file);
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
