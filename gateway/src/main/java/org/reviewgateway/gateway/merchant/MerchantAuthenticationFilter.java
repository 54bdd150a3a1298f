package org.reviewgateway.gateway.merchant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.reviewgateway.gateway.web.BearerToken;
import org.reviewgateway.gateway.web.Problems;
import org.reviewgateway.gateway.web.Unauthorized;

import java.util.Optional;

/**
 * Resolves the merchant API key to its merchant, so every handler under /v1 works on the caller's
 * data only, and applies the per-merchant rate limit.
 */
@ServerFilter("/v1/**")
public class MerchantAuthenticationFilter {

    /** Request attribute holding the authenticated {@link Merchant}. */
    public static final String MERCHANT = "review-gateway.merchant";

    private final MerchantAccounts accounts;
    private final MerchantRateLimits rateLimits;

    MerchantAuthenticationFilter(MerchantAccounts accounts, MerchantRateLimits rateLimits) {
        this.accounts = accounts;
        this.rateLimits = rateLimits;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<String> key = BearerToken.of(request);
        if (key.isEmpty()) {
            return Unauthorized.response("Send the merchant API key as 'Authorization: Bearer rig_...'.");
        }
        Optional<Merchant> merchant = accounts.authenticate(key.get());
        if (merchant.isEmpty()) {
            return Unauthorized.response("The API key is unknown or was replaced.");
        }
        if (!rateLimits.tryAcquire(merchant.get().id())) {
            return Problems.response(HttpStatus.TOO_MANY_REQUESTS,
                            "More than the allowed requests per second for this API key; retry after the pause.")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(MerchantRateLimits.PERIOD.toSeconds()));
        }
        request.setAttribute(MERCHANT, merchant.get());
        return null;
    }
}
