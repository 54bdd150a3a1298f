package org.reviewgateway.gateway.console;

import io.micronaut.runtime.server.EmbeddedServer;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Console users over plain HTTP, as a browser acts: invited, given a password, logged in, cookies kept. */
final class ConsoleVisits {

    static final String PASSWORD = "correct horse battery staple";
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final EmbeddedServer server;
    private final GatewayClient client;

    ConsoleVisits(EmbeddedServer server, GatewayClient client) {
        this.server = server;
        this.client = client;
    }

    Browser browser() {
        return new Browser(URI.create(server.getURL() + "/"));
    }

    /** A browser: keeps cookies, never follows redirects. */
    static final class Browser {
        private final URI base;

        Browser(URI base) {
            this.base = base;
        }

        final Map<String, String> cookies = new HashMap<>();
        private final HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            return postRaw(path, form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
        }

        /** A form body as given, for fields sent more than once (checkboxes). */
        HttpResponse<String> postRaw(String path, String urlEncoded) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(urlEncoded)));
        }

        /** Posts a form as the page last shown offers it: with its csrf field. */
        HttpResponse<String> submit(HttpResponse<String> page, String path, Map<String, String> fields) {
            Map<String, String> form = new HashMap<>(fields);
            form.put("csrf", csrf(page.body()));
            return post(path, form);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    String name = pair.substring(0, pair.indexOf('='));
                    String value = pair.substring(pair.indexOf('=') + 1);
                    if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return base.resolve(path);
        }
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "a csrf field in " + page);
        return m.group(1);
    }

    String invite(String merchantId, String address) {
        Reply created = client.postJson("/admin/v1/merchants/" + merchantId + "/users", GatewayClient.ADMIN_TOKEN, "{\"email\":\"" + address + "\"}");
        assertEquals(201, created.status(), created::toString);
        assertEquals(address, created.json().get("email"));
        String link = (String) created.json().get("setPasswordLink");
        return link.substring(server.getURL().toString().length());
    }

    /** A user with a password, logged in; returns the browser holding the session. */
    Browser loggedIn(String merchantId, String address) {
        Browser browser = browser();
        String link = invite(merchantId, address);
        HttpResponse<String> form = browser.get(link);
        assertEquals(200, browser.submit(form, link, Map.of("password", PASSWORD)).statusCode());
        HttpResponse<String> login = browser.get("/console/login");
        HttpResponse<String> in = browser.submit(login, "/console/login", Map.of("email", address, "password", PASSWORD));
        assertEquals(303, in.statusCode(), in::body);
        assertEquals("/console/", in.headers().firstValue("Location").orElseThrow());
        return browser;
    }
}
