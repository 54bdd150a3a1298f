package org.reviewgateway.gateway.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed message with the JDK's HTTP client: 10 s to connect and 10 s for the answer's status line, redirects
 * never followed, and the answer's body never read (the stream is closed at once, so a receiver cannot make us read
 * or keep anything it sends).
 */
@Singleton
class WebhookPoster {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long WHOLE_ATTEMPT_SECONDS = 3 * TIMEOUT.toSeconds();

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "webhook-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(executor)
            .build();

    /** What one attempt came to: an HTTP status, or why there was none. */
    record Attempt(Integer status, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /** For the row's last_error: the status or the kind of failure, never what the receiver said. */
        String summary() {
            return status != null ? "HTTP " + status : error;
        }
    }

    CompletableFuture<Attempt> post(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "review-gateway-webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    close(response.body());
                    return new Attempt(response.statusCode(), null);
                })
                .orTimeout(WHOLE_ATTEMPT_SECONDS, TimeUnit.SECONDS)
                .exceptionally(WebhookPoster::failure);
    }

    private static Attempt failure(Throwable thrown) {
        Throwable cause = thrown.getCause() != null ? thrown.getCause() : thrown;
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new Attempt(null, "timed out");
        }
        if (cause instanceof IOException) {
            return new Attempt(null, "connection failed (" + cause.getClass().getSimpleName() + ")");
        }
        return new Attempt(null, "failed (" + cause.getClass().getSimpleName() + ")");
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the answer's body is not ours to read
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
