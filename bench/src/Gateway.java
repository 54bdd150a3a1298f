import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the real gateway jar, started the way the README starts it, on loopback. */
final class Gateway implements AutoCloseable {

    static final String ADMIN_TOKEN = "bench-admin-token";

    final String base;
    final Process process;
    final long startedNanos;

    private Gateway(String base, Process process, long startedNanos) {
        this.base = base;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Settings every run shares; callers add what their phase needs (dispatch, retention, heap). */
    static Map<String, String> environment(Path dataDir, String piiKey, int smtpPort, Database database) {
        Map<String, String> env = new HashMap<>(database.gatewayEnvironment());
        env.put("GATEWAY_DATA_DIR", dataDir.toString());
        env.put("GATEWAY_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("GATEWAY_PII_KEY", piiKey);
        env.put("GATEWAY_RATE_LIMIT", "0");
        env.put("RETENTION_ENABLED", "false");
        env.put("MAIL_TRANSPORT", "smtp");
        env.put("MAIL_SMTP_HOST", "127.0.0.1");
        env.put("MAIL_SMTP_PORT", String.valueOf(smtpPort));
        env.put("MAIL_RATE_PER_SECOND", "100000");
        env.put("DISPATCH_ENABLED", "false");
        return env;
    }

    /** Starts the jar and returns once it listens (the caller times what comes after). */
    static Gateway start(Path jar, Path workDir, List<String> jvmOptions, Map<String, String> env, HttpClient http) throws Exception {
        int port = freePort();
        List<String> command = new java.util.ArrayList<>();
        command.add("java");
        Path archive = jar.resolveSibling("gateway.jsa");
        if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("gateway.log").toFile()));
        builder.environment().putAll(env);
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        long started = System.nanoTime();
        Process process = builder.start();
        Gateway gateway = new Gateway("http://127.0.0.1:" + port, process, started);
        long deadline = started + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpRequest liveness = HttpRequest.newBuilder(URI.create(gateway.base + "/health/liveness")).build();
                if (http.send(liveness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return gateway;
                }
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the gateway did not start; see " + workDir.resolve("gateway.log"));
    }

    /** Resident set size now, in MiB. */
    long rssMib() {
        return statusKib("VmRSS:") / 1024;
    }

    private long statusKib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException gone) {
            // the process has ended
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
