package org.reviewgateway.gateway.order;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAuthenticationFilter;
import org.reviewgateway.gateway.web.JsonFields;

/** A customer asked the shop to erase their data: found by the address hash, never by storing the address. */
@Controller("/v1/erasure-requests")
class ErasureRequestController {

    private final PersonalDataErasure erasure;

    ErasureRequestController(PersonalDataErasure erasure) {
        this.erasure = erasure;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    ErasureResponse erase(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant, @Body JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String email = fields.requiredEmail("email");
        fields.throwIfInvalid();
        return new ErasureResponse(erasure.eraseAddress(merchant, email));
    }

    @Serdeable
    record ErasureResponse(int ordersAffected) {
    }
}
