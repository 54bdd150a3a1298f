package org.reviewgateway.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A database lease on a named job: at most one process holds it, and a crashed holder's lease runs
 * out. Works the same on H2 and PostgreSQL (a conditional UPDATE on one row).
 */
final class JobLease {

    private JobLease() {
    }

    static boolean acquire(Connection c, String job, String holder, Instant now, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE job_leases SET held_by = ?, held_until = ? WHERE name = ? AND (held_until IS NULL OR held_until < ? OR held_by = ?)")) {
            ps.setString(1, holder);
            ps.setTimestamp(2, Timestamp.from(until));
            ps.setString(3, job);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, holder);
            return ps.executeUpdate() == 1;
        }
    }

    static void release(Connection c, String job, String holder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE job_leases SET held_by = NULL, held_until = NULL WHERE name = ? AND held_by = ?")) {
            ps.setString(1, job);
            ps.setString(2, holder);
            ps.executeUpdate();
        }
    }
}
