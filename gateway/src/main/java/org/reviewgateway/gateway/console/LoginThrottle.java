package org.reviewgateway.gateway.console;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.privacy.SecretTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** After 10 failed logins for one address within 15 minutes, that address waits 15 minutes; other addresses do not. */
@Singleton
public class LoginThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    LoginThrottle(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public boolean blocked(String email) {
        try (PreparedStatement ps = transactions.getConnection().prepareStatement(
                "SELECT COUNT(*) FROM console_login_failures WHERE email_hash = ? AND failed_at > ?")) {
            ps.setBytes(1, key(email));
            ps.setTimestamp(2, Timestamp.from(clock.instant().minus(WINDOW)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) >= MAX_FAILURES;
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not read the failed logins", e);
        }
    }

    /** Records a failure, and forgets those older than the window. */
    @Transactional
    public void failed(String email) {
        Instant now = clock.instant();
        Connection c = transactions.getConnection();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO console_login_failures (email_hash, failed_at) VALUES (?, ?)");
             PreparedStatement prune = c.prepareStatement("DELETE FROM console_login_failures WHERE failed_at <= ?")) {
            insert.setBytes(1, key(email));
            insert.setTimestamp(2, Timestamp.from(now));
            insert.executeUpdate();
            prune.setTimestamp(1, Timestamp.from(now.minus(WINDOW)));
            prune.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("could not record the failed login", e);
        }
    }

    /** Staff addresses are not customer data, but a table of guessed addresses need not hold them readable. */
    private static byte[] key(String email) {
        return SecretTokens.hash(ConsoleUsers.normalise(email));
    }
}
