package org.reviewgateway.gateway.suppression;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The PostgreSQL advisory lock key of an address: the same for the same address, apart for different ones. */
class AddressLockKeyTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void oneAddressOfOneMerchantAlwaysHasTheSameKey() {
        UUID merchant = UUID.randomUUID();
        byte[] hash = hash();
        assertEquals(AddressLocks.key(merchant, hash), AddressLocks.key(merchant, hash.clone()));
    }

    @Test
    void theSameHashAtTwoMerchantsHasTwoKeys() {
        byte[] hash = hash();
        assertNotEquals(AddressLocks.key(UUID.randomUUID(), hash), AddressLocks.key(UUID.randomUUID(), hash));
    }

    @Test
    void aHundredThousandAddressesShareNoKey() {
        UUID merchant = UUID.randomUUID();
        Set<Long> keys = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            keys.add(AddressLocks.key(merchant, hash()));
        }
        assertEquals(100_000, keys.size());
    }

    private byte[] hash() {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return hash;
    }
}
