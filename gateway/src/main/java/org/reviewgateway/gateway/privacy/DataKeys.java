package org.reviewgateway.gateway.privacy;

import jakarta.inject.Singleton;
import org.reviewgateway.retention.DataKeyWrapping;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owner of the data_keys table: one random data key per merchant, stored only wrapped by the master key. The same
 * address at two merchants gives unrelated hashes, and destroying a merchant's key leaves its ciphertexts unreadable.
 */
@Singleton
public class DataKeys {

    private final DataKeyRepository dataKeys;
    private final PiiKeys masterKeys;
    private final Clock clock;
    private final Map<UUID, MerchantKeys> unwrapped = new ConcurrentHashMap<>();

    DataKeys(DataKeyRepository dataKeys, PiiKeys masterKeys, Clock clock) {
        this.dataKeys = dataKeys;
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    /** In the transaction that creates the merchant. */
    public void create(UUID merchantId) {
        byte[] dataKey = DataKeyWrapping.newDataKey();
        try {
            dataKeys.save(new DataKey(merchantId, masterKeys.wrap(merchantId, dataKey), masterKeys.keyId(), clock.instant()));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Crypto-shredding: the merchant's data key is deleted (one statement), and forgotten here; whatever was sealed
     * with it, in the database or in any copy of it, is unreadable from now on.
     *
     * @return whether the merchant was of the master-key scheme (nothing to shred: its data must be deleted instead)
     */
    public boolean destroy(UUID merchantId) {
        boolean ofTheMasterKeyScheme = dataKeys.findById(merchantId).map(DataKey::ofTheMasterKeyScheme).orElse(true);
        dataKeys.deleteById(merchantId);
        forget(merchantId);
        return ofTheMasterKeyScheme;
    }

    /** Every replica forgets an offboarded merchant's unwrapped key (its sweep calls this within seconds). */
    public void forget(UUID merchantId) {
        unwrapped.remove(merchantId);
    }

    /**
     * A merchant without a row (one a replica of the previous release created, or one whose key was just destroyed)
     * is of the master-key scheme: what its destroyed key sealed stays unreadable all the same.
     */
    MerchantKeys of(UUID merchantId) {
        MerchantKeys keys = unwrapped.get(merchantId);
        return keys != null ? keys : unwrapped.computeIfAbsent(merchantId, this::load);
    }

    /** The keys of the master-key scheme: what every merchant's data was sealed with before it had a data key. */
    MerchantKeys masterScheme() {
        return masterKeys.scheme();
    }

    private MerchantKeys load(UUID merchantId) {
        DataKey row = dataKeys.findById(merchantId).orElse(null);
        if (row == null || row.ofTheMasterKeyScheme()) {
            return masterKeys.scheme();
        }
        byte[] dataKey = masterKeys.unwrap(merchantId, row.masterKeyId(), row.wrappedKey());
        try {
            return MerchantKeys.ofDataKey(dataKey);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }
}
