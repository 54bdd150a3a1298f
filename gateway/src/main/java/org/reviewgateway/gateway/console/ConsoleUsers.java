package org.reviewgateway.gateway.console;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.data.UniqueViolation;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.web.DomainException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The console's users: a merchant's staff, invited by the admin with a single-use set-password link (valid 24 h),
 * their passwords stored only as Argon2id hashes.
 */
@Singleton
public class ConsoleUsers {

    static final Duration LINK_LIFETIME = Duration.ofHours(24);
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1000;
    private static final int LINK_TOKEN_BYTES = 24;

    private final Argon2PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Compared against when the address is unknown, so a wrong address takes as long as a wrong password. */
    private final String decoy = passwords.encode("decoy password, never a user's");
    private final TransactionOperations<Connection> transactions;
    private final SecretTokens tokens;
    private final Clock clock;

    ConsoleUsers(TransactionOperations<Connection> transactions, SecretTokens tokens, Clock clock) {
        this.transactions = transactions;
        this.tokens = tokens;
        this.clock = clock;
    }

    public record ConsoleUser(UUID id, UUID merchantId, String email) {

        @Override
        public String toString() {
            return "ConsoleUser[" + id + "]";
        }
    }

    public record Invitation(ConsoleUser user, String token) {
    }

    /** @throws DomainException CONFLICT when the address has a console user already (of any merchant) */
    @Transactional
    public Invitation invite(UUID merchantId, String email) {
        ConsoleUser user = new ConsoleUser(UUID.randomUUID(), merchantId, normalise(email));
        Instant now = clock.instant();
        Connection c = transactions.getConnection();
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO console_users (id, merchant_id, email, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, user.id());
            insert.setObject(2, merchantId);
            insert.setString(3, user.email());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UniqueViolation.isCauseOf(e)) {
                throw new DomainException(DomainException.Condition.CONFLICT, "urn:review-gateway:problem:console-user-exists",
                        "This address has a console user already.");
            }
            throw new DataAccessException("could not create the console user", e);
        }
        String token = tokens.newToken(LINK_TOKEN_BYTES);
        try (PreparedStatement link = c.prepareStatement(
                "INSERT INTO console_password_links (token_hash, user_id, merchant_id, expires_at) VALUES (?, ?, ?, ?)")) {
            link.setBytes(1, SecretTokens.hash(token));
            link.setObject(2, user.id());
            link.setObject(3, merchantId);
            link.setTimestamp(4, Timestamp.from(now.plus(LINK_LIFETIME)));
            link.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("could not create the set-password link", e);
        }
        return new Invitation(user, token);
    }

    /** Whether this set-password link can still be used (unknown, used and expired links cannot). */
    @Transactional
    public boolean linkValid(String token) {
        return linkUser(token).isPresent();
    }

    /** Sets the password and uses the link up. @return the user; empty when the link is unknown, used or expired */
    @Transactional
    public Optional<ConsoleUser> setPassword(String token, String password) {
        Optional<UUID> userId = linkUser(token);
        if (userId.isEmpty()) {
            return Optional.empty();
        }
        Connection c = transactions.getConnection();
        try (PreparedStatement use = c.prepareStatement("DELETE FROM console_password_links WHERE token_hash = ?");
             PreparedStatement set = c.prepareStatement("UPDATE console_users SET password_hash = ? WHERE id = ?")) {
            use.setBytes(1, SecretTokens.hash(token));
            if (use.executeUpdate() != 1) {
                return Optional.empty();
            }
            set.setString(1, passwords.encode(password));
            set.setObject(2, userId.get());
            set.executeUpdate();
            return byId(c, userId.get());
        } catch (SQLException e) {
            throw new DataAccessException("could not set the password", e);
        }
    }

    /** The user this address and password belong to; empty for a wrong address or password alike (no hint which). */
    @Transactional
    public Optional<ConsoleUser> authenticate(String email, String password) {
        Connection c = transactions.getConnection();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT u.id, u.merchant_id, u.email, u.password_hash FROM console_users u
                JOIN merchants m ON m.id = u.merchant_id AND m.deleted_at IS NULL
                WHERE u.email = ?""")) {
            ps.setString(1, normalise(email));
            try (ResultSet rs = ps.executeQuery()) {
                String hash = rs.next() ? rs.getString(4) : null;
                boolean matches = passwords.matches(password, hash == null ? decoy : hash);
                return matches && hash != null
                        ? Optional.of(new ConsoleUser(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not check the login", e);
        }
    }

    private Optional<UUID> linkUser(String token) {
        Connection c = transactions.getConnection();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.user_id FROM console_password_links l JOIN merchants m ON m.id = l.merchant_id AND m.deleted_at IS NULL
                WHERE l.token_hash = ? AND l.expires_at > ?""")) {
            ps.setBytes(1, SecretTokens.hash(token));
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not read the set-password link", e);
        }
    }

    private static Optional<ConsoleUser> byId(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, merchant_id, email FROM console_users WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ConsoleUser(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
