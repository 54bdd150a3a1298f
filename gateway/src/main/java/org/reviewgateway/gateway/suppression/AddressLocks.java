package org.reviewgateway.gateway.suppression;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.privacy.AddressHashes;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Serialises the decisions about one address of one merchant (is it suppressed, is it in its cooldown,
 * suppress it): each takes the address's lock slot FOR UPDATE in its own transaction first, so an order
 * never decides on a state another order, an unsubscribe or an erasure is changing at that moment.
 */
@Singleton
public class AddressLocks {

    /** The rows of address_lock_slots (V34): few enough to be nothing, enough that unrelated addresses rarely share one. */
    static final int SLOTS = 16_384;

    private final SlotRepository slots;

    AddressLocks(SlotRepository slots) {
        this.slots = slots;
    }

    /** Held until the calling transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID merchantId, byte[] emailHash) {
        slots.lockAll(List.of(slot(merchantId, emailHash)));
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
     * The slots of every address a transaction of several orders will decide on, taken up front in ascending
     * order, so that two such transactions wait for each other instead of deadlocking. One statement: both
     * databases lock the rows in the order they read them, ascending (PostgreSQL sorts before it locks, H2
     * reads an IN list on the key in ascending order).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<Address> addresses) {
        List<Integer> taken = addresses.stream().map(a -> slot(a.merchantId(), a.emailHash())).distinct().sorted().toList();
        if (!taken.isEmpty()) {
            slots.lockAll(taken);
        }
    }

    /** One merchant's address, as its keyed hash. */
    public record Address(UUID merchantId, byte[] emailHash) {
    }

    private static int slot(UUID merchantId, byte[] emailHash) {
        return Math.floorMod(31 * merchantId.hashCode() + Arrays.hashCode(emailHash), SLOTS);
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
