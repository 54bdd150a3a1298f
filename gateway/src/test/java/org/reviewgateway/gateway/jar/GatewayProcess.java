package org.reviewgateway.gateway.jar;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The real gateway jar in a child JVM, in its own working directory, with a clean environment. */
final class GatewayProcess implements AutoCloseable {

    private static final List<String> OWN_PREFIXES = List.of("GATEWAY_", "MAIL_", "DISPATCH_", "RETENTION_", "WEBHOOKS_", "DATASOURCES_", "MICRONAUT_");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    final int port;

    private GatewayProcess(Process process, Path stdout, Path stderr, int port) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.port = port;
    }

    static GatewayProcess start(Path workDir, Map<String, String> env) throws IOException {
        return start(workDir, env, "256m");
    }

    static GatewayProcess start(Path workDir, Map<String, String> env, String maxHeap) throws IOException {
        int port = env.containsKey("MICRONAUT_SERVER_PORT") ? Integer.parseInt(env.get("MICRONAUT_SERVER_PORT")) : freePort();
        Map<String, String> wanted = new HashMap<>(env);
        wanted.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        return launch(System.getProperty("gateway.jar", "target/gateway.jar"), workDir, wanted, maxHeap, port);
    }

    /** The retention job's jar, run to its end. */
    static GatewayProcess retentionJob(Path workDir, Map<String, String> env, String... args) throws IOException {
        return launch(System.getProperty("retention-job.jar", "../retention-job/target/retention-job.jar"), workDir, env, "256m", 0, args);
    }

    private static GatewayProcess launch(String jar, Path workDir, Map<String, String> env, String maxHeap, int port,
                                         String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-jar", Path.of(jar).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> OWN_PREFIXES.stream().anyMatch(name::startsWith));
        environment.putAll(env);
        long n = System.nanoTime();
        Path out = workDir.resolve("stdout-" + n + ".log");
        Path err = workDir.resolve("stderr-" + n + ".log");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new GatewayProcess(builder.start(), out, err, port);
    }

    GatewayProcess awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited " + process.exitValue() + ": " + Files.readString(stderr) + Files.readString(stdout));
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base() + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    String base() {
        return "http://localhost:" + port;
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway did not exit");
        }
        return process.exitValue();
    }

    @Override
    public String toString() {
        try {
            return "stdout: " + stdout() + "\nstderr: " + stderr();
        } catch (IOException e) {
            return "process output unreadable";
        }
    }

    String stdout() throws IOException {
        return Files.readString(stdout);
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** SIGKILL: no shutdown hook, no flush; what was acknowledged must already be on disk. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
