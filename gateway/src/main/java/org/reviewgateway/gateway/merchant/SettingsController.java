package org.reviewgateway.gateway.merchant;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.json.tree.JsonNode;
import org.reviewgateway.config.RetentionConfiguration;

import java.time.Clock;

@Controller("/v1/settings")
class SettingsController {

    private final MerchantRepository merchants;
    private final RetentionConfiguration retention;
    private final Clock clock;

    SettingsController(MerchantRepository merchants, RetentionConfiguration retention, Clock clock) {
        this.merchants = merchants;
        this.retention = retention;
        this.clock = clock;
    }

    @Get
    SettingsResponse get(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant) {
        return SettingsResponse.of(merchant.settings());
    }

    @Patch(consumes = MediaType.APPLICATION_JSON)
    SettingsResponse patch(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant,
                           @Body JsonNode body) {
        Settings patched = SettingsPatch.apply(merchant.settings(), body, retention.maxPeriod());
        merchants.update(merchant.withSettings(patched, clock.instant()));
        return SettingsResponse.of(patched);
    }
}
