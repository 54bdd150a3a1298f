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
import java.util.Optional;
import java.util.UUID;

/**
 * Console sessions: the cookie is an opaque token stored only as its hash, ends after 8 hours without use, at logout,
 * and the moment its merchant is offboarded. Each carries its own CSRF token for the forms it posts.
 */
@Singleton
public class ConsoleSessions {

    static final Duration IDLE_EXPIRY = Duration.ofHours(8);
    private static final int TOKEN_BYTES = 32;
    private static final int CSRF_BYTES = 24;

    private final TransactionOperations<Connection> transactions;
    private final SecretTokens tokens;
    private final Clock clock;

    ConsoleSessions(TransactionOperations<Connection> transactions, SecretTokens tokens, Clock clock) {
        this.transactions = transactions;
        this.tokens = tokens;
        this.clock = clock;
    }

    public record Session(UUID userId, UUID merchantId, String email, String csrfToken) {

        @Override
        public String toString() {
            return "Session[" + userId + "]";
        }
    }

    /** @return the new session's cookie token (shown to the browser only) */
    @Transactional
    public String open(ConsoleUsers.ConsoleUser user) {
        String token = tokens.newToken(TOKEN_BYTES);
        try (PreparedStatement ps = transactions.getConnection().prepareStatement(
                "INSERT INTO console_sessions (token_hash, user_id, merchant_id, csrf_token, last_seen_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setBytes(1, SecretTokens.hash(token));
            ps.setObject(2, user.id());
            ps.setObject(3, user.merchantId());
            ps.setString(4, tokens.newToken(CSRF_BYTES));
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("could not open the session", e);
        }
        return token;
    }

    /** The live session of this cookie, its idle clock reset; empty when unknown, idle too long or its merchant is gone. */
    @Transactional
    public Optional<Session> find(String token) {
        Connection c = transactions.getConnection();
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.user_id, s.merchant_id, u.email, s.csrf_token, s.last_seen_at FROM console_sessions s
                JOIN console_users u ON u.id = s.user_id
                JOIN merchants m ON m.id = s.merchant_id AND m.deleted_at IS NULL
                WHERE s.token_hash = ?""")) {
            ps.setBytes(1, SecretTokens.hash(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (rs.getTimestamp(5).toInstant().plus(IDLE_EXPIRY).isBefore(now)) {
                    close(token);
                    return Optional.empty();
                }
                Session session = new Session(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4));
                touch(c, token, now);
                return Optional.of(session);
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not read the session", e);
        }
    }

    @Transactional
    public void close(String token) {
        try (PreparedStatement ps = transactions.getConnection().prepareStatement("DELETE FROM console_sessions WHERE token_hash = ?")) {
            ps.setBytes(1, SecretTokens.hash(token));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("could not close the session", e);
        }
    }

    private static void touch(Connection c, String token, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE console_sessions SET last_seen_at = ? WHERE token_hash = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setBytes(2, SecretTokens.hash(token));
            ps.executeUpdate();
        }
    }
}
