package org.reviewgateway.gateway.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import org.reviewgateway.gateway.activity.DayCount;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The deliveries table; only the outbox package uses it (everyone else asks {@link Outbox} or {@link DeliveryClaims}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeliveryRepository extends CrudRepository<Delivery, Long> {

    /** The one spelling of {@link Delivery.Status#open()} in SQL. */
    String OPEN = "status IN ('pending', 'retrying')";

    List<Delivery> findByOrderIdOrderById(Long orderId);

    List<Delivery> findByClaimedBy(String claimedBy);

    List<Delivery> findByIdIn(Collection<Long> ids);

    @Query("SELECT id FROM deliveries WHERE order_id = :orderId")
    List<Long> findIdsByOrderId(Long orderId);

    /** Of these deliveries, those whose order still holds its personal data. */
    @Query("SELECT d.id FROM deliveries d WHERE d.id IN (:ids) AND EXISTS (SELECT 1 FROM recipients r WHERE r.order_id = d.order_id)")
    List<Long> findHoldingPersonalData(List<Long> ids);

    /** Due by the gateway's clock and unclaimed, or whose claim expired by the database's clock. */
    String CLAIMABLE = " AND next_attempt_at <= :dueBy AND (claimed_until IS NULL OR claimed_until < :databaseNow)";

    /**
     * The oldest claimable of one open status, read in index order without locks: a cheap first look. (H2 reads every
     * due row for an IN list or FOR UPDATE, however small the LIMIT.)
     */
    String OLDEST_CLAIMABLE_OF = "SELECT id, next_attempt_at FROM deliveries WHERE status = ";
    String IN_INDEX_ORDER = " ORDER BY status, next_attempt_at LIMIT :limit";

    @Query(value = "SELECT id FROM ((" + OLDEST_CLAIMABLE_OF + "'pending'" + CLAIMABLE + IN_INDEX_ORDER + ") UNION ALL ("
            + OLDEST_CLAIMABLE_OF + "'retrying'" + CLAIMABLE + IN_INDEX_ORDER + ")) c ORDER BY next_attempt_at LIMIT :limit",
            nativeQuery = true)
    List<Long> findClaimCandidates(Instant dueBy, Instant databaseNow, int limit);

    /** Of these candidates, those still claimable, locked; rows another process is claiming right now are skipped. */
    @Query(value = "SELECT id FROM deliveries WHERE id IN (:ids) AND " + OPEN + CLAIMABLE + " FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    List<Long> lockClaimable(List<Long> ids, Instant dueBy, Instant databaseNow);

    /**
     * Due by the gateway's clock and unclaimed, or whose claim expired by the database's clock (one clock for every
     * replica's leases, so a replica whose clock runs ahead cannot take over a live claim); rows another process is
     * claiming right now are skipped.
     */
    @Query(value = """
            SELECT id FROM deliveries
            WHERE\s""" + OPEN + CLAIMABLE + """
            ORDER BY next_attempt_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED""", nativeQuery = true)
    List<Long> findClaimable(Instant dueBy, Instant databaseNow, int limit);

    /** Invitations (not reminders) sent per day; updated_at is never before sent_at, and bounds the range on the index. */
    @Query(value = DayCount.PER_DAY_OF_HAPPENED_AT + """
            SELECT sent_at AS happened_at FROM deliveries
            WHERE merchant_id = :merchantId AND updated_at >= :from AND sent_at >= :from AND sent_at < :until
              AND kind = 'invite' AND status = 'sent'""" + DayCount.END_PER_DAY, nativeQuery = true)
    List<DayCount> countInvitesSentPerDay(UUID merchantId, Instant from, Instant until);

    /** Deliveries (invitations and reminders) given up per day. */
    @Query(value = DayCount.PER_DAY_OF_HAPPENED_AT + """
            SELECT updated_at AS happened_at FROM deliveries
            WHERE merchant_id = :merchantId AND updated_at >= :from AND updated_at < :until AND status = 'failed'"""
            + DayCount.END_PER_DAY, nativeQuery = true)
    List<DayCount> countFailedPerDay(UUID merchantId, Instant from, Instant until);

    /** Of the invitations sent in [from, until), those whose order has a review. */
    @Query(value = """
            SELECT COUNT(*) FROM deliveries d
            WHERE d.merchant_id = :merchantId AND d.updated_at >= :from AND d.sent_at >= :from AND d.sent_at < :until
              AND d.kind = 'invite' AND d.status = 'sent'
              AND EXISTS (SELECT 1 FROM reviews r WHERE r.order_id = d.order_id)""", nativeQuery = true)
    long countInvitesSentAndReviewed(UUID merchantId, Instant from, Instant until);

    @Query(value = "SELECT CURRENT_TIMESTAMP", nativeQuery = true)
    Instant databaseNow();

    @Query("UPDATE deliveries SET claimed_by = :claim, claimed_until = :until WHERE id IN (:ids)")
    int claim(List<Long> ids, String claim, Instant until);

    @Query("UPDATE deliveries SET claimed_until = :until WHERE claimed_by = :claim AND " + OPEN)
    int renew(String claim, Instant until);

    @Query("UPDATE deliveries SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = :claim AND " + OPEN)
    int release(String claim);

    /**
     * Writes an outcome only while the claim is still ours and the delivery still open, so neither a process whose
     * lease ran out nor a send racing a cancel, an erasure or an unsubscribe can overwrite what was decided meanwhile.
     */
    @Query("""
            UPDATE deliveries SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt,
              sent_at = :sentAt, message_id = :messageId, last_error = :lastError,
              first_attempt_at = COALESCE(first_attempt_at, :now),
              claimed_by = NULL, claimed_until = NULL, updated_at = :now
            WHERE id = :id AND claimed_by = :claim AND\s""" + OPEN)
    int recordOutcome(Long id, String claim, Delivery.Status status, int attempts, Instant nextAttemptAt,
                      @Nullable Instant sentAt, @Nullable String messageId, @Nullable String lastError, Instant now);

    @Query("""
            UPDATE deliveries SET status = 'cancelled', updated_at = :now
            WHERE order_id IN (SELECT order_id FROM recipients WHERE merchant_id = :merchantId
                               AND (email_hash = :emailHash OR legacy_email_hash = :emailHash))
              AND\s""" + OPEN)
    int cancelPendingTo(UUID merchantId, byte[] emailHash, Instant now);

    @Query("UPDATE deliveries SET status = 'cancelled', updated_at = :now WHERE merchant_id = :merchantId AND " + OPEN)
    int cancelOpenOfMerchant(UUID merchantId, Instant now);

    @Query("UPDATE deliveries SET status = 'cancelled', updated_at = :now WHERE order_id = :orderId AND " + OPEN)
    int cancelOpenForOrder(Long orderId, Instant now);

    @Query("SELECT COUNT(*) FROM deliveries WHERE order_id = :orderId AND " + OPEN)
    long countOpenForOrder(Long orderId);

    @Query("SELECT COUNT(*) FROM deliveries WHERE " + OPEN)
    long countOpen();

    @Query("SELECT COUNT(*) FROM deliveries WHERE " + OPEN + " AND next_attempt_at <= :now")
    long countDue(Instant now);

    /** An invitation to this address from this merchant sent, or planned, inside the window. */
    @Query("""
            SELECT COUNT(*) FROM deliveries d JOIN recipients r ON r.order_id = d.order_id
            WHERE r.merchant_id = :merchantId AND (r.email_hash IN (:current, :legacy) OR r.legacy_email_hash IN (:current, :legacy))
              AND d.kind = 'invite'
              AND d.status IN ('pending', 'retrying', 'sent')
              AND COALESCE(d.sent_at, d.due_at) > :from AND COALESCE(d.sent_at, d.due_at) < :until""")
    long countInvitesBetween(UUID merchantId, byte[] current, byte[] legacy, Instant from, Instant until);
}
