package org.reviewgateway.gateway.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain HTTP client for black-box tests: sends raw bodies and headers, never throws on 4xx. */
public final class GatewayClient {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final JsonMapper json;

    public GatewayClient(EmbeddedServer server, JsonMapper json) {
        this(server.getURL().toString(), json);
    }

    public GatewayClient(String base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    /** Creates a merchant through the admin API and returns its key. */
    public Merchant newMerchant(String name) {
        Reply reply = send("POST", "/admin/v1/merchants", ADMIN_TOKEN, "application/json", "{\"name\":\"" + name + "\"}");
        if (reply.status() != 201) {
            throw new IllegalStateException("merchant not created: " + reply);
        }
        return new Merchant((String) reply.json().get("merchantId"), (String) reply.json().get("apiKey"));
    }

    public Reply get(String path, String bearer) {
        return send("GET", path, bearer, null, null);
    }

    public Reply postJson(String path, String bearer, String body) {
        return send("POST", path, bearer, "application/json", body);
    }

    public Reply patchJson(String path, String bearer, String body) {
        return send("PATCH", path, bearer, "application/json", body);
    }

    public Reply send(String method, String path, String bearer, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A POST as a shop's webhook makes it: raw bytes and headers of its own, no bearer token. */
    public Reply postRaw(String path, Map<String, String> headers, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Merchant(String id, String apiKey) {
    }

    public record Reply(int status, String contentType, Map<String, java.util.List<String>> headers, String body, JsonMapper mapper) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            try {
                return mapper.readValue(body, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
