package org.reviewgateway.gateway.merchant;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.reviewgateway.config.RetentionConfiguration;
import org.reviewgateway.gateway.web.NotFoundException;

import java.time.Clock;
import java.util.UUID;

/** A merchant's settings, read and changed by the API and the console alike: one set of rules (SettingsPatch). */
@Singleton
public class MerchantSettings {

    private final MerchantRepository merchants;
    private final RetentionConfiguration retention;
    private final Clock clock;

    MerchantSettings(MerchantRepository merchants, RetentionConfiguration retention, Clock clock) {
        this.merchants = merchants;
        this.retention = retention;
        this.clock = clock;
    }

    public SettingsResponse of(UUID merchantId) {
        return SettingsResponse.of(live(merchantId).settings());
    }

    /**
     * Applies any subset of the settings.
     *
     * @throws org.reviewgateway.gateway.web.InvalidInputException naming every bad field; nothing is changed then
     */
    public SettingsResponse patch(UUID merchantId, JsonNode body) {
        Merchant merchant = live(merchantId);
        Settings patched = SettingsPatch.apply(merchant.settings(), body, retention.maxPeriod());
        merchants.update(merchant.withSettings(patched, clock.instant()));
        return SettingsResponse.of(patched);
    }

    private Merchant live(UUID merchantId) {
        return merchants.findLive(merchantId).orElseThrow(() -> new NotFoundException("No merchant with this ID."));
    }
}
