package org.reviewgateway.gateway.merchant;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import jakarta.inject.Singleton;

/** Binds {@link CallingMerchant} parameters to the merchant the authentication filter found. */
@Singleton
class CallingMerchantBinder implements AnnotatedRequestArgumentBinder<CallingMerchant, Merchant> {

    @Override
    public Class<CallingMerchant> getAnnotationType() {
        return CallingMerchant.class;
    }

    @Override
    public BindingResult<Merchant> bind(ArgumentConversionContext<Merchant> context, HttpRequest<?> source) {
        return () -> source.getAttribute(MerchantAuthenticationFilter.MERCHANT, Merchant.class);
    }
}
