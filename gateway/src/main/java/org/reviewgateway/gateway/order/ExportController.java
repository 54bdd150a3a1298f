package org.reviewgateway.gateway.order;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAuthenticationFilter;
import reactor.core.publisher.Flux;

/** GET /v1/export: every order of the caller, one JSON object per line, streamed. */
@Controller("/v1/export")
class ExportController {

    static final String NDJSON = "application/x-ndjson";

    private final OrderExport export;

    ExportController(OrderExport export) {
        this.export = export;
    }

    @Get(produces = NDJSON)
    Flux<byte[]> export(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant) {
        return export.lines(merchant.id());
    }
}
