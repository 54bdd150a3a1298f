package org.reviewgateway.gateway.merchant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.reviewgateway.gateway.web.Problems;
import org.reviewgateway.gateway.web.Unauthorized;

/** Guards the admin API with GATEWAY_ADMIN_TOKEN; without one configured the admin API is off. */
@ServerFilter("/admin/v1/**")
public class AdminAuthenticationFilter {

    private final AdminToken adminToken;

    AdminAuthenticationFilter(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (!adminToken.enabled()) {
            return Problems.response(HttpStatus.FORBIDDEN,
                    "The admin API is off. Set GATEWAY_ADMIN_TOKEN (gateway.admin.token) to enable it.");
        }
        return adminToken.presentedBy(request) ? null : Unauthorized.response("Send the admin token as 'Authorization: Bearer <token>'.");
    }
}
