package org.reviewgateway.gateway.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Nothing here is for search engines: review and unsubscribe pages are reached by their links only. Also the
 * benchmark's trivial route (a constant answer, unlike liveness, which checks for deadlocked threads).
 */
@Hidden
@Controller
class RobotsController {

    static final String DISALLOW_ALL = "User-agent: *\nDisallow: /\n";

    @Get("/robots.txt")
    @Produces(MediaType.TEXT_PLAIN)
    String robots() {
        return DISALLOW_ALL;
    }
}
