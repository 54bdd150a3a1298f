package org.reviewgateway.gateway.privacy;

import org.junit.jupiter.api.Test;
import org.reviewgateway.retention.DataKeyWrapping;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A data key opens only with the master key that wrapped it, and only for its own merchant. */
class DataKeyWrappingTest {

    private static byte[] master(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aWrappedKeyOpensWithItsMasterForItsMerchantOnly() throws GeneralSecurityException {
        UUID merchant = UUID.randomUUID();
        byte[] dataKey = DataKeyWrapping.newDataKey();
        byte[] wrapped = DataKeyWrapping.wrap(master(1), merchant, dataKey);

        assertEquals(12 + 32 + 16, wrapped.length, "IV, the key, the GCM tag");
        assertArrayEquals(dataKey, DataKeyWrapping.unwrap(master(1), merchant, wrapped));
        assertThrows(GeneralSecurityException.class, () -> DataKeyWrapping.unwrap(master(2), merchant, wrapped), "another master key");
        assertThrows(GeneralSecurityException.class, () -> DataKeyWrapping.unwrap(master(1), UUID.randomUUID(), wrapped),
                "the row copied to another merchant");
    }

    @Test
    void aMasterKeyIdNamesTheKeyWithoutRevealingIt() {
        assertEquals(8, DataKeyWrapping.masterKeyId(master(1)).length());
        assertEquals(DataKeyWrapping.masterKeyId(master(1)), DataKeyWrapping.masterKeyId(master(1)));
        assertNotEquals(DataKeyWrapping.masterKeyId(master(1)), DataKeyWrapping.masterKeyId(master(2)));
    }
}
