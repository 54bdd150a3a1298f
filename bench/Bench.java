import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's benchmark: every figure next to a baseline measured in the same run on the same
 * machine, as a ratio. Loopback only, every load bounded in time. Run through bench/run.
 */
public class Bench {

    static final int CONNECTIONS = 32;
    static final Duration WARMUP = Duration.ofSeconds(2);
    static final Duration MEASURE = Duration.ofSeconds(8);
    static final int MAILS = 3000;
    static final String ADMIN = "bench-admin-token";

    record Row(String figure, String value, String baseline, double ratio, String goal, Boolean met) {
    }

    final List<Row> rows = new ArrayList<>();
    final Path work;
    final Path jar;
    final String piiKey;
    final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
    final AtomicLong ids = new AtomicLong();

    Bench(Path work, Path jar) {
        this.work = work;
        this.jar = jar;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.piiKey = Base64.getEncoder().encodeToString(key);
    }

    public static void main(String[] args) throws Exception {
        // The SMTP sink logs every line it receives at DEBUG by default; that would be the bottleneck.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("rig-bench");
        new Bench(work, jar).run();
    }

    void run() throws Exception {
        int smtpPort = freePort();
        GreenMail sink = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        sink.start();
        try {
            Map<String, String> env = env(smtpPort, false);
            long started = System.nanoTime();
            Process gateway = start(env);
            String base = "http://127.0.0.1:" + env.get("MICRONAUT_SERVER_PORT");
            String[] merchant = firstAcceptedOrder(base);
            double startSeconds = (System.nanoTime() - started) / 1e9;
            rows.add(new Row("process start to first accepted order", fmt(startSeconds) + " s", "—", Double.NaN, "≤ 3 s", startSeconds <= 3));
            String key = merchant[1];

            double liveness = load(CONNECTIONS, i -> HttpRequest.newBuilder(URI.create(base + "/health/liveness")).build(), 200, gateway, null);
            long[] rss = {0};
            double ingest = load(CONNECTIONS, i -> post(base + "/v1/orders", key, delegated("B-" + ids.incrementAndGet(), Instant.now().plus(Duration.ofDays(30)))), 201, gateway, rss);
            double batchHttp = load(4, i -> post(base + "/v1/orders/batch", key, batch(500, Instant.now().plus(Duration.ofDays(30)))), 200, gateway, null) * 500;
            stop(gateway);

            UUID merchantId = UUID.fromString(merchant[0]);
            double jdbcSingle = jdbcLoad(CONNECTIONS, merchantId, 1);
            double jdbcBatch = jdbcLoad(4, merchantId, 500);

            rows.add(ratioRow("single delegated order ingest (HTTP, 32 connections), orders/s", ingest, "raw JDBC, same rows, one transaction per order", jdbcSingle, 0.5));
            rows.add(ratioRow("the same ingest vs the trivial endpoint, requests/s", ingest, "GET /health/liveness, same load", liveness, 0.25));
            rows.add(ratioRow("batch ingest, 500 orders per request, orders/s", batchHttp, "raw JDBC batched insert, same rows", jdbcBatch, 0.5));
            rows.add(new Row("gateway RSS under the ingest load", rss[0] / 1024 + " MiB", "—", Double.NaN, "report", null));

            // Dispatch: queue MAILS due orders with the dispatcher off, then start it and time the drain.
            Process loader = start(env);
            for (int i = 0; i < MAILS; i += 500) {
                send(post(base + "/v1/orders/batch", key, batch(500, Instant.now())));
            }
            stop(loader);
            sink.purgeEmailFromAllMailboxes();
            Map<String, String> dispatching = env(smtpPort, true);
            dispatching.put("MICRONAUT_SERVER_PORT", env.get("MICRONAUT_SERVER_PORT"));
            Process dispatcher = start(dispatching);
            long first = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (sink.getReceivedMessages().length < MAILS && System.nanoTime() < deadline) {
                if (first == 0 && sink.getReceivedMessages().length > 0) {
                    first = System.nanoTime();
                }
                Thread.sleep(20);
            }
            double dispatchRate = sink.getReceivedMessages().length / ((System.nanoTime() - first) / 1e9);
            stop(dispatcher);
            sink.purgeEmailFromAllMailboxes();
            double rawMail = rawMail(smtpPort);
            rows.add(ratioRow("dispatch into a local SMTP sink (claim, render, send, record), mails/s", dispatchRate,
                    "raw Jakarta Mail, same messages, one kept-open connection", rawMail, 0.8));
            rows.add(new Row("purge of 200 000 expired recipients, rows/s", "not measured yet", "raw batched DELETE", Double.NaN, "≥ 0.5×", null));
            rows.add(new Row("p99 ingest latency while that purge runs", "not measured yet", "p99 without purge", Double.NaN, "≤ 2×", null));
            rows.add(new Row("export of 1 000 000 orders with -Xmx256m", "not measured yet", "—", Double.NaN, "completes", null));
        } finally {
            sink.stop();
        }
        print();
    }

    // ---- HTTP load ----

    double load(int threads, IntFunction<HttpRequest> request, int expected, Process gateway, long[] rssMax) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        int status = http.send(request.apply(thread), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (measuring.get()) {
                            (status == expected ? ok : failed).incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        Thread.sleep(WARMUP.toMillis());
        measuring.set(true);
        long start = System.nanoTime();
        long end = start + MEASURE.toNanos();
        while (System.nanoTime() < end) {
            Thread.sleep(250);
            if (rssMax != null) {
                rssMax[0] = Math.max(rssMax[0], rssKib(gateway.pid()));
            }
        }
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        if (failed.get() > 0) {
            System.err.println("bench: " + failed.get() + " requests did not answer " + expected);
        }
        return ok.get() / seconds;
    }

    HttpRequest post(String url, String key, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    void send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("bench request failed: " + response.statusCode());
        }
    }

    static String delegated(String id, Instant sendAt) {
        return "{\"transactionId\":\"" + id + "\",\"delivery\":\"delegated\",\"customer\":{\"email\":\"" + id.toLowerCase()
                + "@bench.example\",\"name\":\"Bench Customer\"},\"sendAt\":\"" + sendAt + "\"}";
    }

    String batch(int n, Instant sendAt) {
        StringBuilder body = new StringBuilder("{\"orders\":[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append(delegated("BB-" + ids.incrementAndGet(), sendAt));
        }
        return body.append("]}").toString();
    }

    String[] firstAcceptedOrder(String base) throws Exception {
        while (true) {
            try {
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/v1/merchants"))
                        .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench Shop\"}")).build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = Pattern.compile("\"merchantId\":\"([^\"]+)\".*\"apiKey\":\"([^\"]+)\"").matcher(created.body());
                if (created.statusCode() == 201 && m.find()) {
                    send(post(base + "/v1/orders", m.group(2), delegated("FIRST", Instant.now())));
                    return new String[]{m.group(1), m.group(2)};
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
    }

    // ---- raw JDBC baselines, the same rows into the same database file ----

    double jdbcLoad(int threads, UUID merchantId, int perTransaction) throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("data") + "/gateway;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Connection c = DriverManager.getConnection(url, "sa", "");
            c.setAutoCommit(false);
            connections.add(c);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong rowsDone = new AtomicLong();
        SecureRandom random = new SecureRandom();
        for (Connection c : connections) {
            pool.submit(() -> {
                while (!stop.get()) {
                    insertOrders(c, merchantId, perTransaction, random);
                    if (measuring.get()) {
                        rowsDone.addAndGet(perTransaction);
                    }
                }
                return null;
            });
        }
        Thread.sleep(WARMUP.toMillis());
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(MEASURE.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        for (Connection c : connections) {
            c.close();
        }
        return rowsDone.get() / seconds;
    }

    void insertOrders(Connection c, UUID merchantId, int n, SecureRandom random) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        // Due in a month, as the HTTP ingest's orders are: the dispatch phase must not meet these stand-in rows.
        Timestamp due = Timestamp.from(Instant.now().plus(Duration.ofDays(30)));
        List<Long> orderIds = new ArrayList<>(n);
        try (PreparedStatement order = c.prepareStatement("""
                INSERT INTO orders (merchant_id, transaction_id, delivery, locale, status, personal_data, review_token_hash,
                  review_token_sealed, request_digest, send_at, created_at, updated_at)
                VALUES (?, ?, 'delegated', NULL, 'scheduled', 'held', ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < n; i++) {
                order.setObject(1, merchantId);
                order.setString(2, "J-" + ids.incrementAndGet());
                order.setBytes(3, bytes(random, 32));
                order.setBytes(4, bytes(random, 52));
                order.setBytes(5, bytes(random, 32));
                order.setTimestamp(6, now);
                order.setTimestamp(7, now);
                order.setTimestamp(8, now);
                if (n == 1) {
                    order.executeUpdate();
                } else {
                    order.addBatch();
                }
            }
            if (n > 1) {
                order.executeBatch();
            }
            try (ResultSet keys = order.getGeneratedKeys()) {
                while (keys.next()) {
                    orderIds.add(keys.getLong(1));
                }
            }
        }
        try (PreparedStatement recipient = c.prepareStatement("""
                INSERT INTO recipients (order_id, merchant_id, key_id, email_cipher, name_cipher, email_hash, customer_digest,
                  purge_after, created_at, unsubscribe_token_hash) VALUES (?, ?, 'bench', ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement delivery = c.prepareStatement("""
                INSERT INTO deliveries (order_id, merchant_id, kind, status, due_at, next_attempt_at, attempts, created_at, updated_at)
                VALUES (?, ?, 'invite', 'pending', ?, ?, 0, ?, ?)""")) {
            for (Long orderId : orderIds) {
                recipient.setLong(1, orderId);
                recipient.setObject(2, merchantId);
                recipient.setBytes(3, bytes(random, 60));
                recipient.setBytes(4, bytes(random, 42));
                recipient.setBytes(5, bytes(random, 32));
                recipient.setBytes(6, bytes(random, 32));
                recipient.setTimestamp(7, now);
                recipient.setTimestamp(8, now);
                recipient.setBytes(9, bytes(random, 32));
                recipient.addBatch();
                delivery.setLong(1, orderId);
                delivery.setObject(2, merchantId);
                delivery.setTimestamp(3, due);
                delivery.setTimestamp(4, due);
                delivery.setTimestamp(5, now);
                delivery.setTimestamp(6, now);
                delivery.addBatch();
            }
            recipient.executeBatch();
            delivery.executeBatch();
        }
        c.commit();
    }

    static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    // ---- raw Jakarta Mail baseline ----

    double rawMail(int port) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(props);
        Transport transport = session.getTransport("smtp");
        transport.connect();
        String text = "Hello there,\n\nthank you for your order at Bench Shop. Rate your order: https://reviews.example/r/xxxxxxxxxxxxxxxxxxxxxxxx\n".repeat(3);
        String html = "<html><body><p>" + text.replace("\n", "<br>") + "</p></body></html>";
        long start = System.nanoTime();
        for (int i = 0; i < MAILS; i++) {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("reviews@localhost", "Bench Shop"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("raw" + i + "@bench.example"));
            message.setSubject("How was your order from Bench Shop?", "UTF-8");
            message.setHeader("List-Unsubscribe", "<https://reviews.example/u/xxxxxxxxxxxxxxxxxxxxxxxx>");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", plain, rich));
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        }
        double rate = MAILS / ((System.nanoTime() - start) / 1e9);
        transport.close();
        return rate;
    }

    // ---- processes ----

    Map<String, String> env(int smtpPort, boolean dispatch) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("MICRONAUT_SERVER_PORT", String.valueOf(freePort()));
        env.put("GATEWAY_DATA_DIR", work.resolve("data").toString());
        env.put("GATEWAY_ADMIN_TOKEN", ADMIN);
        env.put("GATEWAY_PII_KEY", piiKey);
        env.put("GATEWAY_RATE_LIMIT", "0");
        env.put("RETENTION_ENABLED", "false");
        env.put("MAIL_TRANSPORT", "smtp");
        env.put("MAIL_SMTP_HOST", "127.0.0.1");
        env.put("MAIL_SMTP_PORT", String.valueOf(smtpPort));
        env.put("MAIL_RATE_PER_SECOND", "100000");
        env.put("DISPATCH_ENABLED", String.valueOf(dispatch));
        env.put("DISPATCH_POLL_INTERVAL", "PT0.1S");
        return env;
    }

    Process start(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("gateway.log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        String health = "http://127.0.0.1:" + env.get("MICRONAUT_SERVER_PORT") + "/health/liveness";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(health)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("gateway did not start; see " + work.resolve("gateway.log"));
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException ignored) {
            // process gone
        }
        return 0;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---- report ----

    static Row ratioRow(String figure, double value, String baselineName, double baseline, double goal) {
        double ratio = value / baseline;
        return new Row(figure, fmt(value), baselineName + ": " + fmt(baseline), ratio, "≥ " + goal + "×", ratio >= goal);
    }

    static String fmt(double v) {
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
    }

    void print() {
        System.out.println("| figure | value | baseline (same run) | ratio | goal | met? |");
        System.out.println("|---|---|---|---|---|---|");
        int measured = 0;
        int met = 0;
        for (Row r : rows) {
            String ratio = Double.isNaN(r.ratio()) ? "—" : String.format("%.2f×", r.ratio());
            String ok = r.met() == null ? "—" : (r.met() ? "yes" : "no");
            System.out.println("| " + r.figure() + " | " + r.value() + " | " + r.baseline() + " | " + ratio + " | " + r.goal() + " | " + ok + " |");
            if (r.met() != null) {
                measured++;
                met += r.met() ? 1 : 0;
            }
        }
        long notMeasured = rows.stream().filter(r -> r.value().equals("not measured yet")).count();
        System.out.println();
        System.out.println("bench: " + met + " of " + measured + " goals met" + (notMeasured > 0 ? " (" + notMeasured + " figures not measured yet)" : ""));
    }
}
