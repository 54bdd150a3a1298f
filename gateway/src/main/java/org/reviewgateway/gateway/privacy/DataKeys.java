package org.reviewgateway.gateway.privacy;

import jakarta.inject.Singleton;
import org.reviewgateway.retention.DataKeyWrapping;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;

/**
 * Owner of the data_keys table: one random data key per merchant, stored only wrapped by the master key. The same
 * address at two merchants gives unrelated hashes, and destroying a merchant's key leaves its ciphertexts unreadable.
 */
@Singleton
public class DataKeys {

    /** What recipients.key_id records for a row sealed with its merchant's data key. */
    public static final String DATA_KEY_ID = "merchant";
    /** How long a replica trusts that a merchant is still of the master-key scheme: another one may move it meanwhile. */
    static final Duration MASTER_SCHEME_TRUSTED_FOR = Duration.ofSeconds(2);

    private final DataKeyRepository dataKeys;
    private final PiiKeys masterKeys;
    private final Clock clock;
    private final Map<UUID, Cached> unwrapped = new ConcurrentHashMap<>();

    private record Cached(MerchantKeys keys, long validUntilNanos) {
    }

    DataKeys(DataKeyRepository dataKeys, PiiKeys masterKeys, Clock clock) {
        this.dataKeys = dataKeys;
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    /** In the transaction that creates the merchant. */
    public void create(UUID merchantId) {
        byte[] dataKey = DataKeyWrapping.newDataKey();
        try {
            dataKeys.save(new DataKey(merchantId, masterKeys.wrap(merchantId, dataKey), masterKeys.keyId(), clock.instant(), null, null));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Crypto-shredding: the merchant's data key is deleted (one statement), and forgotten here; whatever was sealed
     * with it, in the database or in any copy of it, is unreadable from now on.
     *
     * @return whether the master-key scheme still sealed some of the merchant's data (not moved, or not re-sealed yet):
     *         nothing to shred there, its data must be deleted instead
     */
    public boolean destroy(UUID merchantId) {
        boolean ofTheMasterKeyScheme = dataKeys.findById(merchantId)
                .map(k -> k.ofTheMasterKeyScheme() || k.legacyHashKey() != null && k.migratedAt() == null).orElse(true);
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
        Cached cached = unwrapped.get(merchantId);
        if (cached == null || System.nanoTime() > cached.validUntilNanos()) {
            cached = load(merchantId);
            unwrapped.put(merchantId, cached);
        }
        return cached.keys();
    }

    /** The keys of the master-key scheme: what every merchant's data was sealed with before it had a data key. */
    MerchantKeys masterScheme() {
        return masterKeys.scheme();
    }

    private Cached load(UUID merchantId) {
        DataKey row = dataKeys.findById(merchantId).orElse(null);
        if (row == null || row.ofTheMasterKeyScheme()) {
            return new Cached(masterKeys.scheme(), System.nanoTime() + MASTER_SCHEME_TRUSTED_FOR.toNanos());
        }
        byte[] dataKey = masterKeys.unwrap(merchantId, row.masterKeyId(), row.wrappedKey());
        byte[] legacy = row.legacyHashKey() == null ? null : masterKeys.unwrap(merchantId, row.masterKeyId(), row.legacyHashKey());
        try {
            return new Cached(MerchantKeys.ofDataKey(dataKey, legacy == null ? null : new SecretKeySpec(legacy, "HmacSHA256")), Long.MAX_VALUE);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            if (legacy != null) {
                Arrays.fill(legacy, (byte) 0);
            }
        }
    }

    /** Merchants created before data keys, not yet moved to one. */
    public List<UUID> ofTheMasterKeyScheme() {
        return dataKeys.findOfTheMasterKeyScheme();
    }

    /**
     * Merchants moved to a data key whose older rows are still to be re-sealed, switched long enough ago that no
     * replica still seals under the master-key scheme for them.
     */
    public List<UUID> moving() {
        return dataKeys.findMoving(clock.instant().minus(MASTER_SCHEME_TRUSTED_FOR.multipliedBy(15)));
    }

    /**
     * Gives a merchant of the master-key scheme a data key of its own, keeping the scheme's address-hash key wrapped
     * beside it for the opt-outs recorded under it. @return whether this call did it (another replica may have)
     */
    public boolean beginMove(UUID merchantId) {
        byte[] dataKey = DataKeyWrapping.newDataKey();
        byte[] legacyHash = masterKeys.scheme().addressHash().getEncoded();
        try {
            boolean moved = dataKeys.beginMove(merchantId, masterKeys.wrap(merchantId, dataKey), masterKeys.keyId(),
                    masterKeys.wrap(merchantId, legacyHash), clock.instant()) == 1;
            forget(merchantId);
            return moved;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(legacyHash, (byte) 0);
        }
    }

    /** @return whether the move is complete (false: rows of the old scheme arrived meanwhile; the next run takes them) */
    public boolean moved(UUID merchantId) {
        return dataKeys.markMoved(merchantId, clock.instant()) == 1;
    }
}
