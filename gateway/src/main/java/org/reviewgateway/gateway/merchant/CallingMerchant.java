package org.reviewgateway.gateway.merchant;

import io.micronaut.core.bind.annotation.Bindable;
import io.swagger.v3.oas.annotations.Parameter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The merchant whose API key authenticated the request ({@link MerchantAuthenticationFilter}); every query a
 * controller makes with it is scoped to that merchant. Not a request parameter, so the OpenAPI document hides it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Bindable
@Parameter(hidden = true)
public @interface CallingMerchant {
}
