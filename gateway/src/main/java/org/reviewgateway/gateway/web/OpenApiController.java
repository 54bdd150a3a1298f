package org.reviewgateway.gateway.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.Hidden;

/** Serves the specification that micronaut-openapi generates from the controllers at build time. */
@Controller
@Hidden
class OpenApiController {

    static final String SPEC = "classpath:META-INF/swagger/review-gateway.yml";
    static final String YAML = "application/yaml";
    private final ResourceResolver resources;

    OpenApiController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get(value = "/openapi.yml", produces = YAML)
    HttpResponse<StreamedFile> spec() {
        return resources.getResource(SPEC)
                .map(url -> HttpResponse.ok(new StreamedFile(url)).contentType(YAML))
                .orElseThrow(() -> new NotFoundException("The OpenAPI specification was not built into this jar."));
    }
}
