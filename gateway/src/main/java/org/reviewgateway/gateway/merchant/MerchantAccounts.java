package org.reviewgateway.gateway.merchant;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.privacy.DataKeys;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.web.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Creates merchants, rotates their keys and recognises a presented key. */
@Singleton
public class MerchantAccounts {

    private final MerchantRepository merchants;
    private final DataKeys dataKeys;
    private final Outbox deliveries;
    private final SecretTokens tokens;
    private final Clock clock;

    MerchantAccounts(MerchantRepository merchants, DataKeys dataKeys, Outbox deliveries, SecretTokens tokens, Clock clock) {
        this.merchants = merchants;
        this.dataKeys = dataKeys;
        this.deliveries = deliveries;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The new merchant, with a data key of its own, and its API key in plain text; the API key is never retrievable again. */
    @Transactional
    public CreatedMerchant create(String name) {
        ApiKey key = ApiKey.generate(tokens);
        Instant now = clock.instant();
        Settings defaults = Settings.defaultsFor(name);
        Merchant merchant = new Merchant(UUID.randomUUID(), name, key.prefix(), key.hash(), null, null, null, null,
                0, null, null, 0, null, null, null, now, now).withSettings(defaults, now);
        merchants.save(merchant);
        dataKeys.create(merchant.id());
        return new CreatedMerchant(merchant, key.plaintext());
    }

    public String rotateKey(UUID merchantId) {
        Merchant merchant = merchants.findLive(merchantId)
                .orElseThrow(() -> new NotFoundException("No merchant with this ID."));
        ApiKey key = ApiKey.generate(tokens);
        merchants.update(merchant.withApiKey(key, clock.instant()));
        return key.plaintext();
    }

    /** The merchant whose key this is, compared in constant time against the stored hash. */
    public Optional<Merchant> authenticate(String presentedKey) {
        return ApiKey.parse(presentedKey)
                .flatMap(key -> merchants.findLiveByApiKeyPrefix(key.prefix()))
                .filter(merchant -> SecretTokens.matches(presentedKey, merchant.apiKeyHash()));
    }

    /** A merchant by its ID, for other features (the dispatcher, the public pages): they never use the repository. */
    /** A merchant id from a path; not a UUID → 404, as for any unknown merchant. */
    public static UUID idOf(String merchantId) {
        try {
            return UUID.fromString(merchantId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No merchant with this ID.");
        }
    }

    public Optional<Merchant> find(UUID merchantId) {
        return merchants.findLive(merchantId);
    }

    /**
     * Offboards the merchant: its data key is destroyed first (its personal data is unreadable from that statement
     * on), its API key is void and nothing planned is sent; {@link OffboardingSweep} deletes its rows afterwards.
     *
     * @return whether the merchant was of the master-key scheme: then nothing was shredded, and its rows must be
     *         deleted before the answer
     */
    @Transactional
    public boolean offboard(UUID merchantId) {
        boolean ofTheMasterKeyScheme = dataKeys.destroy(merchantId);
        if (merchants.markDeleted(merchantId, clock.instant(), new byte[32]) == 0) {
            throw new NotFoundException("No merchant with this ID.");
        }
        deliveries.cancelOpenOf(merchantId, clock.instant());
        return ofTheMasterKeyScheme;
    }

    public record CreatedMerchant(Merchant merchant, String apiKey) {
    }
}
