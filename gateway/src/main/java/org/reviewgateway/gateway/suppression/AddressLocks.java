package org.reviewgateway.gateway.suppression;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.data.DatabaseKind;
import org.reviewgateway.gateway.privacy.AddressHashes;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Serialises the decisions about one address of one merchant (is it suppressed, is it in its cooldown,
 * suppress it): each takes the address's lock in its own transaction first, so an order never decides on
 * a state another order, an unsubscribe or an erasure is changing at that moment. The lock ends with the
 * transaction. On PostgreSQL it is a transaction-level advisory lock on a 64-bit key of merchant and address:
 * no row is written and unrelated addresses practically never share a key. H2 has no advisory locks: there it
 * is the address's row of address_lock_slots, taken FOR UPDATE.
 */
@Singleton
public class AddressLocks {

    /** The rows of address_lock_slots (V34): few enough to be nothing, enough that unrelated addresses rarely share one. */
    static final int SLOTS = 16_384;

    private final SlotRepository slots;
    private final ConnectionOperations<Connection> connections;
    private final boolean advisory;

    AddressLocks(SlotRepository slots, ConnectionOperations<Connection> connections, DatabaseKind database) {
        this.slots = slots;
        this.connections = connections;
        this.advisory = database.postgres();
    }

    /** Held until the calling transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID merchantId, byte[] emailHash) {
        lockAll(List.of(new Address(merchantId, emailHash)));
    }

    /**
     * Both slots of an address whose merchant moved to a data key (its old hash and its new one, in ascending order),
     * so that an unsubscribe through a link mailed before the move waits for an order made after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID merchantId, AddressHashes hashes) {
        lockAll(both(merchantId, hashes));
    }

    /** Each address as both its hashes, for {@link #lockAll}. */
    public static List<Address> both(UUID merchantId, AddressHashes hashes) {
        return List.of(new Address(merchantId, hashes.current()), new Address(merchantId, hashes.legacy()));
    }

    /**
     * The locks of every address a transaction of several orders will decide on, taken up front in one statement and
     * in ascending order, so that two such transactions wait for each other instead of deadlocking (PostgreSQL takes
     * the advisory locks in the order of the array; H2 reads an IN list on the key in ascending order and locks as it reads).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<Address> addresses) {
        if (addresses.isEmpty()) {
            return;
        }
        if (advisory) {
            connections.executeWrite(status -> lockAdvisory(status.getConnection(),
                    addresses.stream().map(a -> key(a.merchantId(), a.emailHash())).distinct().sorted().toArray(Long[]::new)));
        } else {
            slots.lockAll(addresses.stream().map(a -> slot(a.merchantId(), a.emailHash())).distinct().sorted().toList());
        }
    }

    /** One merchant's address, as its keyed hash. */
    public record Address(UUID merchantId, byte[] emailHash) {
    }

    private static int slot(UUID merchantId, byte[] emailHash) {
        return Math.floorMod(31 * merchantId.hashCode() + Arrays.hashCode(emailHash), SLOTS);
    }

    /** The address hash is a keyed hash, so its first 8 bytes are already spread; the merchant's bits keep merchants apart. */
    static long key(UUID merchantId, byte[] emailHash) {
        long hash = emailHash.length >= Long.BYTES ? ByteBuffer.wrap(emailHash).getLong() : Arrays.hashCode(emailHash);
        return hash ^ merchantId.getMostSignificantBits() ^ Long.rotateLeft(merchantId.getLeastSignificantBits(), 1);
    }

    private static Void lockAdvisory(Connection c, Long[] ascendingKeys) {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(k) FROM unnest(?) AS t(k)")) {
            ps.setArray(1, c.createArrayOf("bigint", ascendingKeys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // each row is one lock taken
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("address lock failed", e);
        }
        return null;
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface SlotRepository extends GenericRepository<Slot, Integer> {

        @Query(value = "SELECT slot FROM address_lock_slots WHERE slot IN (:slots) ORDER BY slot FOR UPDATE", nativeQuery = true)
        List<Integer> lockAll(List<Integer> slots);
    }

    @io.micronaut.data.annotation.MappedEntity("address_lock_slots")
    record Slot(@io.micronaut.data.annotation.Id Integer slot) {
    }
}
