package org.reviewgateway.gateway.privacy;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/** The fingerprint of the master key the database was written with (table pii_key_fingerprints, one row). */
@Singleton
class KeyFingerprints {

    private static final String MASTER = "master";

    private final DataSource dataSource;
    private final Clock clock;

    KeyFingerprints(DataSource dataSource, Clock clock) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
    }

    /** Whether anything sealed or keyed with a master key may be stored: a recorded fingerprint, or any merchant. */
    boolean databaseHoldsData() {
        return recorded().isPresent() || exists("SELECT 1 FROM merchants LIMIT 1");
    }

    Optional<String> recorded() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT fingerprint FROM pii_key_fingerprints WHERE purpose = ?")) {
            ps.setString(1, MASTER);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the key fingerprint", e);
        }
    }

    /** Records the fingerprint if none is; returns the one that stands (another replica may have been first). */
    String recordIfAbsent(String fingerprint) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO pii_key_fingerprints (purpose, fingerprint, recorded_at) VALUES (?, ?, ?)")) {
            ps.setString(1, MASTER);
            ps.setString(2, fingerprint);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.executeUpdate();
            return fingerprint;
        } catch (SQLException raced) {
            return recorded().orElseThrow(() -> new IllegalStateException("could not record the key fingerprint", raced));
        }
    }

    /** The master keys that wrap data keys now. */
    java.util.Set<String> masterKeyIdsInUse() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT master_key_id FROM data_keys WHERE master_key_id IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the data keys", e);
        }
    }

    private boolean exists(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database", e);
        }
    }
}
