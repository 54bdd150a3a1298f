package org.reviewgateway.gateway.order;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.ProblemResponses;
import org.reviewgateway.gateway.web.StreamSlots;

/**
 * GET /v1/export: every order of the caller, one JSON object per line, streamed. Each export holds a
 * database connection for as long as the client reads, so only a few run at once and the pool stays
 * free for orders and the dispatcher.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/export")
class ExportController {

    static final String NDJSON = "application/x-ndjson";
    static final int MAX_CONCURRENT_EXPORTS = 4;

    private final OrderExport export;
    private final StreamSlots running = new StreamSlots(MAX_CONCURRENT_EXPORTS, "exports");

    ExportController(OrderExport export) {
        this.export = export;
    }

    @Operation(summary = "Every order of the caller, one JSON object per line (no personal data)")
    @ApiResponse(responseCode = "200", description = "streamed NDJSON", content = @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = OrderDetailsResponse.class)))
    @ProblemResponses
    @Get(produces = NDJSON)
    HttpResponse<?> export(@CallingMerchant Merchant merchant) {
        return running.stream(() -> export.lines(merchant.id()), NDJSON);
    }
}
