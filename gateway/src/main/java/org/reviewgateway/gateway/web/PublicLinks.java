package org.reviewgateway.gateway.web;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.reviewgateway.config.GatewayConfiguration;

/** Links that customers open: GATEWAY_PUBLIC_BASE_URL, or this server's own address. */
@Singleton
public class PublicLinks {

    private final String configuredBase;
    private final Provider<EmbeddedServer> server;
    /** The server's own address, looked up once (a bean lookup per link showed in the benchmark's profile). */
    private volatile String serverBase;

    PublicLinks(GatewayConfiguration configuration, Provider<EmbeddedServer> server) {
        String configured = configuration.publicBaseUrl();
        this.configuredBase = configured == null || configured.isBlank() ? null : stripSlash(configured.trim());
        this.server = server;
    }

    public String reviewLink(String token) {
        return base() + "/r/" + token;
    }

    public String unsubscribeLink(String token) {
        return base() + "/u/" + token;
    }

    /** A product's public rating, for widgets (and the feed's link for a product without a page of its own). */
    public String productRating(java.util.UUID merchantId, String productId) {
        return base() + "/p/" + merchantId + "/products/" + productId + "/rating";
    }

    /** A page of the merchant console, by its path under /console. */
    public String console(String path) {
        return base() + "/console/" + path;
    }

    /** Whether links are https: console cookies are then Secure and __Host- prefixed. */
    public boolean secure() {
        return base().startsWith("https://");
    }

    /** Where a shop posts its webhooks. */
    public String hookUrl(String platform, String connectorId) {
        return base() + "/hooks/" + platform + "/" + connectorId;
    }

    private String base() {
        if (configuredBase != null) {
            return configuredBase;
        }
        if (serverBase != null) {
            return serverBase;
        }
        EmbeddedServer running = server.get();
        String base = "http://localhost:" + running.getPort();
        if (running.isRunning()) {
            serverBase = base;
        }
        return base;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
