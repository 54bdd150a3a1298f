package org.reviewgateway.retention;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.reviewgateway.config.GatewayConfiguration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * After a master-key rotation: re-wraps every data key still wrapped by a previous master key
 * (GATEWAY_PII_PREVIOUS_KEYS) under GATEWAY_PII_KEY, row by row, safe while gateways serve (a data key itself never
 * changes, only its wrapping). Once nothing depends on a previous key any more, the database's key fingerprint moves
 * to the new key and the previous keys may be dropped.
 */
@Singleton
public class DataKeyRewrap {

    private static final String KEY_FILE = "pii.key";
    /** Merchants whose data the master-key scheme still seals: not moved to a data key yet, or moved and not re-sealed. */
    private static final String STILL_ON_THE_MASTER_KEY = "(wrapped_key IS NULL OR (legacy_hash_key IS NOT NULL AND migrated_at IS NULL))";
    /** A live merchant a process of the release before data keys created: no data_keys row at all. */
    private static final String WITHOUT_A_DATA_KEY_ROW = "m.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM data_keys k WHERE k.merchant_id = m.id)";
    private static final String RECIPIENT_OF_THE_MASTER_KEY = "key_id <> 'merchant'";

    private final DataSource dataSource;
    private final GatewayConfiguration configuration;

    DataKeyRewrap(DataSource dataSource, GatewayConfiguration configuration) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.configuration = configuration;
    }

    /** Counts only. {@code masterScheme}: merchants whose data still depends on a previous key. */
    public record Report(int rewrapped, int alreadyCurrent, int masterScheme, String currentKeyId) {

        public boolean previousKeysStillNeeded() {
            return masterScheme > 0;
        }

        public String summary() {
            return "retention-job: rewrapped " + rewrapped + " data keys under master key " + currentKeyId + " (" + alreadyCurrent
                    + " were under it already); " + (previousKeysStillNeeded()
                    ? masterScheme + " merchants still depend on a previous key (the master-key scheme, or a key wrapped meanwhile): "
                    + "keep GATEWAY_PII_PREVIOUS_KEYS"
                    : "GATEWAY_PII_PREVIOUS_KEYS is no longer needed");
        }
    }

    public Report rewrap() throws SQLException {
        byte[] current = currentKey();
        List<byte[]> previous = DataKeyWrapping.decodePreviousKeys(configuration.piiPreviousKeys());
        String currentId = DataKeyWrapping.masterKeyId(current);
        int rewrapped = 0;
        int alreadyCurrent = 0;
        try (Connection c = dataSource.getConnection()) {
            requireTheDatabasesKeyAmong(c, current, previous);
            for (WrappedKey row : wrappedKeys(c)) {
                if (row.masterKeyId().equals(currentId)) {
                    alreadyCurrent++;
                    continue;
                }
                byte[] dataKey = unwrap(row, row.wrapped(), previous);
                byte[] legacyHash = row.legacyHash() == null ? null : unwrap(row, row.legacyHash(), previous);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE data_keys SET wrapped_key = ?, legacy_hash_key = ?, master_key_id = ? WHERE merchant_id = ? AND master_key_id = ?")) {
                    ps.setBytes(1, DataKeyWrapping.wrap(current, row.merchantId(), dataKey));
                    ps.setBytes(2, legacyHash == null ? null : DataKeyWrapping.wrap(current, row.merchantId(), legacyHash));
                    ps.setString(3, currentId);
                    ps.setObject(4, row.merchantId());
                    ps.setString(5, row.masterKeyId());
                    rewrapped += ps.executeUpdate();
                } finally {
                    Arrays.fill(dataKey, (byte) 0);
                    if (legacyHash != null) {
                        Arrays.fill(legacyHash, (byte) 0);
                    }
                }
            }
            int masterScheme = count(c, "SELECT COUNT(*) FROM data_keys WHERE " + STILL_ON_THE_MASTER_KEY)
                    + count(c, "SELECT COUNT(*) FROM merchants m WHERE " + WITHOUT_A_DATA_KEY_ROW);
            int unsealed = count(c, "SELECT COUNT(*) FROM recipients WHERE " + RECIPIENT_OF_THE_MASTER_KEY);
            // In one statement with the check, so that a data key a not yet restarted replica wraps meanwhile keeps the old key needed.
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE pii_key_fingerprints SET fingerprint = ? WHERE purpose = 'master'
                      AND NOT EXISTS (SELECT 1 FROM data_keys WHERE\s""" + STILL_ON_THE_MASTER_KEY + """
                     OR master_key_id <> ?)
                      AND NOT EXISTS (SELECT 1 FROM merchants m WHERE\s""" + WITHOUT_A_DATA_KEY_ROW + """
                    )
                      AND NOT EXISTS (SELECT 1 FROM recipients WHERE\s""" + RECIPIENT_OF_THE_MASTER_KEY + ")")) {
                ps.setString(1, DataKeyWrapping.fingerprint(current));
                ps.setString(2, currentId);
                ps.executeUpdate();
            }
            int stillOld = count(c, "SELECT COUNT(*) FROM data_keys WHERE wrapped_key IS NOT NULL AND master_key_id <> '" + currentId + "'");
            return new Report(rewrapped, alreadyCurrent, masterScheme + stillOld + (unsealed > 0 ? 1 : 0), currentId);
        } finally {
            Arrays.fill(current, (byte) 0);
            previous.forEach(key -> Arrays.fill(key, (byte) 0));
        }
    }

    /** A mistyped GATEWAY_PII_KEY must not re-wrap every key under itself: the database's key must be among the ones given. */
    private static void requireTheDatabasesKeyAmong(Connection c, byte[] current, List<byte[]> previous) throws SQLException {
        String standing;
        try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint FROM pii_key_fingerprints WHERE purpose = 'master'");
             ResultSet rs = ps.executeQuery()) {
            standing = rs.next() ? rs.getString(1) : null;
        }
        if (standing == null) {
            return;
        }
        List<byte[]> given = new ArrayList<>(previous);
        given.add(current);
        if (given.stream().noneMatch(key -> DataKeyWrapping.fingerprint(key).equals(standing))) {
            throw new ConfigurationException("GATEWAY_PII_KEY: neither it nor any of GATEWAY_PII_PREVIOUS_KEYS is the key this database "
                    + "was written with; nothing was re-wrapped");
        }
    }

    private record WrappedKey(UUID merchantId, byte[] wrapped, byte[] legacyHash, String masterKeyId) {
    }

    private static List<WrappedKey> wrappedKeys(Connection c) throws SQLException {
        List<WrappedKey> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT merchant_id, wrapped_key, legacy_hash_key, master_key_id FROM data_keys WHERE wrapped_key IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new WrappedKey(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBytes(3), rs.getString(4)));
            }
        }
        return rows;
    }

    private static byte[] unwrap(WrappedKey row, byte[] wrapped, List<byte[]> previous) {
        for (byte[] master : previous) {
            if (DataKeyWrapping.masterKeyId(master).equals(row.masterKeyId())) {
                try {
                    return DataKeyWrapping.unwrap(master, row.merchantId(), wrapped);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("a data key does not open with the master key that wrapped it (a damaged row?)");
                }
            }
        }
        throw new ConfigurationException("GATEWAY_PII_PREVIOUS_KEYS: a data key is wrapped by master key " + row.masterKeyId()
                + ", which is not among GATEWAY_PII_PREVIOUS_KEYS; add it and run --rewrap again");
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private byte[] currentKey() {
        if (configuration.piiKey() != null) {
            return DataKeyWrapping.decodeMasterKey(configuration.piiKey(), "GATEWAY_PII_KEY");
        }
        Path file = Path.of(configuration.dataDir()).resolve(KEY_FILE);
        try {
            return DataKeyWrapping.decodeMasterKey(Files.readString(file, StandardCharsets.US_ASCII), file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new ConfigurationException("GATEWAY_PII_KEY is not set and the key file " + file.toAbsolutePath() + " cannot be read");
        }
    }
}
