package org.reviewgateway.gateway.privacy;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;
import org.reviewgateway.config.GatewayConfiguration;
import org.reviewgateway.retention.DataKeyWrapping;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
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
    private final String schemeKeyId;
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec addressHashKey;
    private final SecretKeySpec unsubscribeKey;
    private final SecretKeySpec secretSealingKey;
    /** GATEWAY_PII_KEY first, then GATEWAY_PII_PREVIOUS_KEYS: the keys a data key may be wrapped with. */
    private final List<byte[]> masters;

    @Inject
    public PiiKeys(GatewayConfiguration configuration, KeyFingerprints fingerprints) {
        this(masterKeys(configuration, fingerprints), fingerprints);
    }

    /**
     * The keys derived from the master key (the scheme of data written before per-merchant keys) come from the master
     * key the database was written with: GATEWAY_PII_KEY, or after a rotation the previous key whose fingerprint the
     * database holds.
     */
    private PiiKeys(List<byte[]> masters, KeyFingerprints fingerprints) {
        this(masters, databaseKeyOf(masters, fingerprints));
    }

    private PiiKeys(List<byte[]> masters, byte[] databaseKey) {
        this.masters = masters;
        this.keyId = DataKeyWrapping.masterKeyId(masters.get(0));
        this.schemeKeyId = DataKeyWrapping.masterKeyId(databaseKey);
        this.encryptionKey = new SecretKeySpec(derive(databaseKey, "aes-gcm-v1"), "AES");
        this.addressHashKey = new SecretKeySpec(derive(databaseKey, "address-hmac-v1"), "HmacSHA256");
        this.unsubscribeKey = new SecretKeySpec(derive(databaseKey, "unsubscribe-token-v1"), "HmacSHA256");
        this.secretSealingKey = new SecretKeySpec(derive(databaseKey, "shop-secret-aes-gcm-v1"), "AES");
    }

    /** Keys from a base64 master key without looking at any database: for tools that seal data offline (test seeding). */
    public static PiiKeys offline(String base64MasterKey) {
        byte[] master = decode(base64MasterKey, "the master key");
        return new PiiKeys(List.of(master), master);
    }

    private static List<byte[]> masterKeys(GatewayConfiguration configuration, KeyFingerprints fingerprints) {
        Path keyFile = Path.of(configuration.dataDir()).resolve(KEY_FILE);
        List<byte[]> masters = new ArrayList<>();
        masters.add(configuration.piiKey() != null
                ? decode(configuration.piiKey(), "GATEWAY_PII_KEY")
                : loadOrGenerate(keyFile, fingerprints));
        masters.addAll(DataKeyWrapping.decodePreviousKeys(configuration.piiPreviousKeys()));
        verify(masters, fingerprints, configuration.piiKey() != null ? null : keyFile);
        requireEveryWrappingKey(masters, fingerprints);
        return List.copyOf(masters);
    }

    /** One of the keys must be the one the database was written with; a first start records the current one. */
    private static void verify(List<byte[]> masters, KeyFingerprints fingerprints, Path keyFile) {
        String current = fingerprintOf(masters.get(0));
        String standing = fingerprints.recordIfAbsent(current);
        if (masters.stream().noneMatch(master -> sameText(standing, fingerprintOf(master)))) {
            String source = keyFile == null ? "the key in GATEWAY_PII_KEY" : "the key file " + keyFile.toAbsolutePath();
            throw new ConfigurationException("GATEWAY_PII_KEY: " + source + " is not the key this database was written with "
                    + "(fingerprint " + current.substring(0, 8) + ", the database expects " + standing.substring(0, 8)
                    + "); start with the original key (after a rotation: the new key in GATEWAY_PII_KEY, the old one in "
                    + "GATEWAY_PII_PREVIOUS_KEYS), or the stored personal data cannot be read");
        }
    }

    /** Every data key must open: a master key that wraps one and is not configured stops start-up, not a request. */
    private static void requireEveryWrappingKey(List<byte[]> masters, KeyFingerprints fingerprints) {
        java.util.Set<String> configured = new java.util.HashSet<>();
        masters.forEach(master -> configured.add(DataKeyWrapping.masterKeyId(master)));
        for (String inUse : fingerprints.masterKeyIdsInUse()) {
            if (!configured.contains(inUse)) {
                throw new ConfigurationException("GATEWAY_PII_PREVIOUS_KEYS: data keys are wrapped by master key " + inUse
                        + ", which is neither GATEWAY_PII_KEY nor one of GATEWAY_PII_PREVIOUS_KEYS; add it (after a rotation, run "
                        + "retention-job --rewrap before dropping it)");
            }
        }
    }

    private static byte[] databaseKeyOf(List<byte[]> masters, KeyFingerprints fingerprints) {
        String standing = fingerprints.recorded().orElse(fingerprintOf(masters.get(0)));
        return masters.stream().filter(master -> sameText(standing, fingerprintOf(master))).findFirst().orElse(masters.get(0));
    }

    private static String fingerprintOf(byte[] master) {
        return DataKeyWrapping.fingerprint(master);
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** The keys derived from the master key, for merchants of the master-key scheme. */
    MerchantKeys scheme() {
        return new MerchantKeys(schemeKeyId, encryptionKey, addressHashKey, secretSealingKey, unsubscribeKey, null);
    }

    /** A new merchant's data key, wrapped under GATEWAY_PII_KEY. */
    byte[] wrap(UUID merchantId, byte[] dataKey) {
        return DataKeyWrapping.wrap(masters.get(0), merchantId, dataKey);
    }

    /**
     * @throws ConfigurationException when neither GATEWAY_PII_KEY nor any of GATEWAY_PII_PREVIOUS_KEYS is the key
     *                                {@code masterKeyId} names
     */
    byte[] unwrap(UUID merchantId, String masterKeyId, byte[] wrapped) {
        for (byte[] master : masters) {
            if (DataKeyWrapping.masterKeyId(master).equals(masterKeyId)) {
                try {
                    return DataKeyWrapping.unwrap(master, merchantId, wrapped);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("a data key does not open with the master key that wrapped it (a damaged row?)");
                }
            }
        }
        throw new ConfigurationException("GATEWAY_PII_PREVIOUS_KEYS: a merchant's data key is wrapped by master key " + masterKeyId
                + ", which is neither GATEWAY_PII_KEY nor one of GATEWAY_PII_PREVIOUS_KEYS; add that key (or run retention-job --rewrap with it)");
    }

    /** Identifies the master key in stored rows, so a rotated key can tell its ciphertexts apart. */
    public String keyId() {
        return keyId;
    }

    private static byte[] decode(String base64, String source) {
        return DataKeyWrapping.decodeMasterKey(base64, source);
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
        return DataKeyWrapping.derive(master, purpose);
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
