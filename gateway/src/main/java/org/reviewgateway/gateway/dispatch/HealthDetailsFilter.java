package org.reviewgateway.gateway.dispatch;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.reviewgateway.gateway.mail.MailGuard;
import org.reviewgateway.gateway.merchant.AdminToken;

import java.util.Map;

/**
 * /health answers everyone with the overall status and the mail circuit; the details (database product
 * and URL, and what else the indicators report) only to the admin token.
 */
@ServerFilter({"/health", "/health/**"})
class HealthDetailsFilter {

    private final AdminToken adminToken;
    private final MailGuard guard;

    HealthDetailsFilter(AdminToken adminToken, MailGuard guard) {
        this.adminToken = adminToken;
        this.guard = guard;
    }

    @ResponseFilter
    public void hideDetails(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (adminToken.presentedBy(request) || response.status().getCode() >= 400 && response.status() != HttpStatus.SERVICE_UNAVAILABLE) {
            return;
        }
        String status = response.status() == HttpStatus.OK ? "UP" : "DOWN";
        response.body(Map.of("status", status, "mail", Map.of("circuit", guard.circuitState().name())));
    }
}
