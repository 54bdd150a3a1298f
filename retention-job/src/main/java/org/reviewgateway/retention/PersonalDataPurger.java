package org.reviewgateway.retention;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The purge: ends the personal data whose {@code purge_after} has passed through the one
 * {@link PersonalDataEraser}, in bounded batches (one transaction each, so no long locks and nothing
 * loaded at once), and writes one audit row. A database lease keeps two purges
 * from overlapping; running it again is harmless.
 */
@Singleton
public class PersonalDataPurger {

    static final String JOB = "retention-purge";
    static final int BATCH_SIZE = 1000;
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataPurger.class);

    private final TransactionOperations<Connection> transactions;
    private final PersonalDataEraser eraser;
    private final Clock clock;

    public PersonalDataPurger(TransactionOperations<Connection> transactions, PersonalDataEraser eraser, Clock clock) {
        this.transactions = transactions;
        this.eraser = eraser;
        this.clock = clock;
    }

    /** Purges (or with {@code dryRun} only counts) what expired by {@code cutoff}. */
    public PurgeReport purge(Instant cutoff, boolean dryRun, String trigger) {
        if (dryRun) {
            long expired = transactions.executeRead(status -> countExpired(status.getConnection(), cutoff));
            return new PurgeReport(cutoff, expired, (int) ((expired + BATCH_SIZE - 1) / BATCH_SIZE), true, false);
        }
        String holder = trigger + "-" + UUID.randomUUID().toString().substring(0, 8);
        Instant started = clock.instant();
        if (!transactions.executeWrite(s -> JobLease.acquire(s.getConnection(), JOB, holder, started, started.plus(LEASE)))) {
            return new PurgeReport(cutoff, 0, 0, false, true);
        }
        long purged = 0;
        int batches = 0;
        try {
            while (true) {
                int rows = transactions.executeWrite(s -> purgeBatch(s.getConnection(), cutoff));
                if (rows == 0) {
                    break;
                }
                purged += rows;
                batches++;
                Instant now = clock.instant();
                transactions.executeWrite(s -> JobLease.acquire(s.getConnection(), JOB, holder, now, now.plus(LEASE)));
                if (rows < BATCH_SIZE) {
                    break;
                }
            }
            while (transactions.executeWrite(s -> expireOptOutLinks(s.getConnection(), cutoff)) == BATCH_SIZE) {
                Instant now = clock.instant();
                transactions.executeWrite(s -> JobLease.acquire(s.getConnection(), JOB, holder, now, now.plus(LEASE)));
            }
        } finally {
            transactions.executeWrite(s -> {
                JobLease.release(s.getConnection(), JOB, holder);
                return null;
            });
        }
        PurgeReport report = new PurgeReport(cutoff, purged, batches, false, false);
        long total = purged;
        int count = batches;
        transactions.executeWrite(s -> audit(s.getConnection(), started, clock.instant(), cutoff, total, count, trigger));
        LOG.info(report.summary());
        return report;
    }

    private static long countExpired(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM recipients WHERE purge_after <= ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int purgeBatch(Connection c, Instant cutoff) throws SQLException {
        List<Long> recipientIds = new ArrayList<>();
        List<Long> orderIds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, order_id FROM recipients WHERE purge_after <= ? ORDER BY purge_after LIMIT " + BATCH_SIZE)) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recipientIds.add(rs.getLong(1));
                    orderIds.add(rs.getLong(2));
                }
            }
        }
        if (recipientIds.isEmpty()) {
            return 0;
        }
        eraser.erase(c, orderIds, clock.instant());
        return recipientIds.size();
    }

    /** Unsubscribe links outlive the personal data, but not forever: once no inbox can hold them, they go too. */
    private static int expireOptOutLinks(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM opt_out_links WHERE token_hash IN "
                + "(SELECT token_hash FROM opt_out_links WHERE expires_at <= ? LIMIT " + BATCH_SIZE + ")")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        }
    }

    private static Void audit(Connection c, Instant started, Instant finished, Instant cutoff, long rows, int batches,
                              String trigger) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO purge_runs (started_at, finished_at, cutoff, rows_purged, batches, triggered_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(started));
            ps.setTimestamp(2, Timestamp.from(finished));
            ps.setTimestamp(3, Timestamp.from(cutoff));
            ps.setLong(4, rows);
            ps.setInt(5, batches);
            ps.setString(6, trigger);
            ps.executeUpdate();
        }
        return null;
    }
}
