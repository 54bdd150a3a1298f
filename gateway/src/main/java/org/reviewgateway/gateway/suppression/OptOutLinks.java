package org.reviewgateway.gateway.suppression;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.config.RetentionConfiguration;
import org.reviewgateway.gateway.privacy.SecretTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What an unsubscribe link stands for (merchant and keyed address hash, never the address), kept apart
 * from the personal data so that a link keeps working after the purge.
 */
@Singleton
public class OptOutLinks {

    /** How long a mailed link may still sit in an inbox after the longest retention. */
    static final Duration INBOX_LIFETIME = Duration.ofDays(365);

    private final OptOutLinkRepository links;
    private final TransactionOperations<Connection> transactions;
    private final RetentionConfiguration retention;
    private final Clock clock;

    OptOutLinks(OptOutLinkRepository links, TransactionOperations<Connection> transactions, RetentionConfiguration retention, Clock clock) {
        this.transactions = transactions;
        this.links = links;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Called in the transaction that stores the recipient (or sends a test), so every mailed link has its record.
     *
     * @param orderId the order the link is mailed for; null for a test message
     */
    @Transactional
    public void record(byte[] tokenHash, UUID merchantId, byte[] emailHash, @Nullable Long orderId, Instant now) {
        recordAll(List.of(new NewLink(tokenHash, merchantId, emailHash, orderId)), now);
    }

    /** One link to record: {@link #recordAll} writes many in one JDBC batch. */
    public record NewLink(byte[] tokenHash, UUID merchantId, byte[] emailHash, @Nullable Long orderId) {
    }

    /** {@link #record} for many orders' links at once, in the caller's transaction (or one of its own). */
    @Transactional
    public void recordAll(List<NewLink> newLinks, Instant now) {
        if (newLinks.isEmpty()) {
            return;
        }
        Timestamp expiresAt = Timestamp.from(now.plus(retention.maxPeriod()).plus(INBOX_LIFETIME));
        try (PreparedStatement insert = transactions.getConnection().prepareStatement("""
                INSERT INTO opt_out_links (token_hash, merchant_id, email_hash, expires_at, order_id)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (NewLink link : newLinks) {
                insert.setBytes(1, link.tokenHash());
                insert.setObject(2, link.merchantId());
                insert.setBytes(3, link.emailHash());
                insert.setTimestamp(4, expiresAt);
                insert.setObject(5, link.orderId(), Types.BIGINT);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("opt-out links could not be recorded", e);
        }
    }

    /** The opt-out a link stands for, until it expires. */
    public Optional<OptOutLink> find(String token) {
        return links.findLive(SecretTokens.hash(token), clock.instant());
    }
}
