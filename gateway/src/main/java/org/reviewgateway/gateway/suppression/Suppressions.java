package org.reviewgateway.gateway.suppression;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.activity.DayCount;
import org.reviewgateway.gateway.data.MerchantKeys;
import org.reviewgateway.gateway.privacy.AddressHashes;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The owner of opt-outs and hard bounces: addresses a merchant must not write to again, kept as the
 * keyed hash only. Ingestion, dispatch, test messages, unsubscribes and erasures ask here.
 */
@Singleton
public class Suppressions {

    public enum Reason {
        UNSUBSCRIBE("unsubscribe"), BOUNCE("bounce"), ERASURE("erasure");

        final String stored;

        Reason(String stored) {
            this.stored = stored;
        }
    }

    private final SuppressionRepository suppressions;
    private final MerchantKeys keys;
    private final Clock clock;

    Suppressions(SuppressionRepository suppressions, MerchantKeys keys, Clock clock) {
        this.suppressions = suppressions;
        this.keys = keys;
        this.clock = clock;
    }

    /** Under either of the address's hashes: an opt-out recorded before its merchant moved to a data key still counts. */
    public boolean isSuppressed(UUID merchantId, AddressHashes hashes) {
        return !suppressedAmong(merchantId, List.of(hashes)).isEmpty();
    }

    /** Of these addresses (one merchant's), those suppressed, in one read: the dispatcher's check for a run, a batch's, and one order's. */
    public Set<AddressHashes> suppressedAmong(UUID merchantId, Collection<AddressHashes> addresses) {
        if (addresses.isEmpty()) {
            return Set.of();
        }
        List<byte[]> hashes = addresses.stream().flatMap(a -> Stream.of(a.current(), a.legacy())).toList();
        Set<ByteBuffer> suppressed = keys.present("suppressions", "email_hash", merchantId, hashes.toArray(byte[][]::new), "bytea",
                rs -> ByteBuffer.wrap(rs.getBytes(1)));
        return addresses.stream()
                .filter(a -> suppressed.contains(ByteBuffer.wrap(a.current())) || suppressed.contains(ByteBuffer.wrap(a.legacy())))
                .collect(Collectors.toSet());
    }

    /**
     * Idempotent: an address suppressed already keeps its first reason.
     *
     * @return whether this call suppressed it (false: it was already)
     */
    public boolean suppress(UUID merchantId, byte[] emailHash, Reason reason) {
        return suppressions.suppress(merchantId, emailHash, reason.stored, clock.instant()) > 0;
    }

    /** Suppressions for this reason recorded per day (UTC) in [from, until) and still in force; days without one are left out. */
    public List<DayCount> perDay(UUID merchantId, Reason reason, Instant from, Instant until) {
        return suppressions.countPerDay(merchantId, reason.stored, from, until);
    }

    /** Lifts a suppression only if it was for this reason (an unsubscribe's undo never lifts a bounce or an erasure). */
    public void lift(UUID merchantId, byte[] emailHash, Reason reason) {
        suppressions.lift(merchantId, emailHash, reason.stored);
    }
}
