import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's benchmark (issue #8): the real jars on loopback, every figure next to a baseline
 * measured in the same run on the same machine. Every load is bounded in time or count. Run it
 * through bench/run; the table goes to standard output, the gateways' logs to the work directory.
 */
public final class Bench {

    static final int CONNECTIONS = 32;
    static final int BATCH_CONNECTIONS = 4;
    static final int ORDERS_PER_BATCH = 500;
    static final Duration WARM_UP = Duration.ofSeconds(20);
    static final Duration MEASURE = Duration.ofSeconds(10);
    static final Duration HOOK_WARM_UP = Duration.ofSeconds(10);
    static final int MAILS = 8000;
    static final int MAILS_WARM_UP = 2000;
    static final int PURGE_ROWS = 200_000;
    static final int DISPATCH_CONNECTIONS = 4;
    static final int EXPORT_ORDERS = 1_000_000;
    /** The retention schedule's first run, counted from the gateway's start: after its warm-up and baseline. */
    static final Duration PURGE_STARTS_AFTER = Duration.ofSeconds(75);
    /** The heap README's first command recommends (keep the two alike). */
    static final List<String> RECOMMENDED_HEAP = List.of("-Xmx128m", "-Xmn64m", "-XX:+UseSerialGC");
    static final int RSS_GOAL_MIB = 320;

    private final Path jar;
    private final Path work;
    private final Database database;
    private final String piiKey;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Wrk wrk;
    private final Report report = new Report();

    private Bench(Path jar, Path scripts, Path work, Database database) {
        this.jar = jar;
        this.work = work;
        this.database = database;
        this.wrk = new Wrk(scripts.resolve("bench.lua"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.piiKey = Base64.getEncoder().encodeToString(key);
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path scripts = Path.of(args[1]).toAbsolutePath();
        boolean postgres = args.length > 2 && args[2].equals("--postgres");
        Path work = Files.createTempDirectory("rig-bench");
        System.out.println("bench: work directory " + work + " (gateway logs in gateway.log)");
        try (Database database = postgres ? Database.postgres() : Database.h2(work.resolve("data"))) {
            new Bench(jar, scripts, work, database).run();
        }
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        try (SmtpSink sink = SmtpSink.start(work)) {
            Map<String, String> env = Gateway.environment(work.resolve("data"), piiKey, sink.port, database);
            Merchants merchants = firstStart(env);
            rawInserts(merchants);
            seed(merchants);
            httpFiguresAndPurge(env, merchants);
            shopWebhooks(env, merchants);
            dispatch(env, sink, merchants);
        }
        report.print("Results on " + database.name + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + String.format("%.0f s", (System.nanoTime() - started) / 1e9) + " in all:");
    }

    record Merchants(UUID bench, String benchKey, UUID export, String exportKey, UUID dispatch, String dispatchKey) {
    }

    /**
     * A fresh data directory: start to first accepted order; then the merchants and the mail queue the later
     * phases use, and one test message (written to a file) for the raw mail baseline to send.
     */
    private Merchants firstStart(Map<String, String> env) throws Exception {
        log("first start");
        Map<String, String> toFiles = new java.util.HashMap<>(env);
        toFiles.put("MAIL_TRANSPORT", "file");
        try (Gateway gateway = Gateway.start(jar, work, List.of(), toFiles, http)) {
            String[] bench = createMerchant(gateway, "Bench Shop");
            send(gateway, "/v1/orders", bench[1], "{\"transactionId\":\"FIRST\",\"delivery\":\"self\"}");
            double seconds = (System.nanoTime() - gateway.startedNanos) / 1e9;
            report.goal("process start to first accepted order (fresh data directory, migrations included)",
                    String.format("%.2f s", seconds), "≤ 3 s", seconds <= 3);
            String[] export = createMerchant(gateway, "Export Shop");
            // its review token, sealed with the export merchant's own data key, is copied into every seeded order
            send(gateway, "/v1/orders", export[1], "{\"transactionId\":\"EXP-TEMPLATE\",\"delivery\":\"self\"}");
            String[] dispatch = createMerchant(gateway, "Dispatch Shop");
            send(gateway, "/v1/templates/en/test-send", dispatch[1], "{\"email\":\"owner@bench.example\"}");
            for (int i = 0; i < MAILS + MAILS_WARM_UP; i += ORDERS_PER_BATCH) {
                send(gateway, "/v1/orders/batch", dispatch[1], batch("M-" + i, ORDERS_PER_BATCH, Instant.now()));
            }
            return new Merchants(UUID.fromString(bench[0]), bench[1], UUID.fromString(export[0]), export[1],
                    UUID.fromString(dispatch[0]), dispatch[1]);
        }
    }

    private final Map<String, Double> baselines = new java.util.HashMap<>();

    /** The JDBC baselines for ingest, while no gateway holds the database. */
    private void rawInserts(Merchants merchants) throws Exception {
        log("raw JDBC inserts");
        RawBaselines raw = new RawBaselines(database);
        baselines.put("single", raw.insertOrders(CONNECTIONS, merchants.bench(), 1, Duration.ofSeconds(5), MEASURE));
        baselines.put("batch", raw.insertOrders(BATCH_CONNECTIONS, merchants.bench(), ORDERS_PER_BATCH, Duration.ofSeconds(5), MEASURE));
    }

    /** The raw DELETE baseline on one set of expired recipients; then the set the gateway will purge, and the export's orders. */
    private void seed(Merchants merchants) throws Exception {
        log("seeding " + PURGE_ROWS + " expired recipients for raw DELETE");
        Seeder seeder = new Seeder(database, Seeder.sealedTokenOf(database, merchants.bench()));
        Timestamp expired = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
        seeder.expiredRecipients(merchants.bench(), "RAW", PURGE_ROWS, expired);
        log("raw batched DELETE");
        baselines.put("delete", new RawBaselines(database).deleteExpired(Timestamp.from(Instant.now())));
        log("seeding " + PURGE_ROWS + " expired recipients for the gateway's purge, " + EXPORT_ORDERS + " orders to export");
        seeder.expiredRecipients(merchants.bench(), "PRG", PURGE_ROWS, expired);
        new Seeder(database, Seeder.sealedTokenOf(database, merchants.export()))
                .selfDeliveredOrders(merchants.export(), "EXP", EXPORT_ORDERS, Timestamp.from(Instant.now()));
        try (Connection c = database.connect()) {
            c.createStatement().executeUpdate("DELETE FROM orders WHERE transaction_id = 'EXP-TEMPLATE'");
            c.commit();
        }
    }

    /**
     * One warmed-up gateway, started as the README starts it (no heap setting): the HTTP figures, then the
     * purge on its schedule with the ingest p99 around it. Then a gateway with -Xmx256m for the export.
     */
    private void httpFiguresAndPurge(Map<String, String> env, Merchants merchants) throws Exception {
        Map<String, String> purging = new java.util.HashMap<>(env);
        purging.put("RETENTION_ENABLED", "true");
        purging.put("RETENTION_INTERVAL", "PT" + PURGE_STARTS_AFTER.toSeconds() + "S");
        log("HTTP load (warm-up " + WARM_UP.toSeconds() + " s)");
        String key = merchants.benchKey();
        try (Gateway gateway = Gateway.start(jar, work, List.of(), purging, http)) {
            wrk.run(gateway.base, CONNECTIONS, WARM_UP, key, "W");
            wrk.run(gateway.base, BATCH_CONNECTIONS, Duration.ofSeconds(5), key, "WB", String.valueOf(ORDERS_PER_BATCH));
            wrk.run(gateway.base + "/health/liveness", CONNECTIONS, Duration.ofSeconds(5));

            Wrk.Result liveness = checked(wrk.run(gateway.base + "/health/liveness", CONNECTIONS, MEASURE), "liveness");
            String rating = gateway.base + ratedProduct(gateway, merchants);
            wrk.run(rating, CONNECTIONS, Duration.ofSeconds(5));
            report.atLeast("public product rating (GET /p/{merchantId}/products/{productId}/rating, a shop widget's call)",
                    checked(wrk.run(rating, CONNECTIONS, MEASURE), "product rating").requestsPerSecond(), "req/s",
                    "GET /health/liveness, same load", liveness.requestsPerSecond(), 0.5);
            long[] rss = {0};
            Wrk.Result ingest = sampled(gateway, rss, () -> checked(wrk.run(gateway.base, CONNECTIONS, MEASURE, key, "S"), "ingest"));
            Wrk.Result batch = checked(wrk.run(gateway.base, BATCH_CONNECTIONS, MEASURE, key, "B", String.valueOf(ORDERS_PER_BATCH)), "batch ingest");
            report.atLeast("single delegated order ingest (HTTP, durable commit, encryption, outbox row), " + CONNECTIONS + " connections",
                    ingest.requestsPerSecond(), "orders/s", "raw JDBC, same rows, one transaction per order", baselines.get("single"), 0.5);

            report.atLeast("batch ingest, " + ORDERS_PER_BATCH + " orders per request, " + BATCH_CONNECTIONS + " connections",
                    batch.requestsPerSecond() * ORDERS_PER_BATCH,
                    "orders/s", "raw JDBC batched insert, same rows", baselines.get("batch"), 0.5);
            report.info("gateway RSS under the ingest load (default heap)", rss[0] + " MiB");
            defaultHeapIngest = ingest.requestsPerSecond();

            long untilPurge = gateway.startedNanos + PURGE_STARTS_AFTER.toNanos() + TimeUnit.SECONDS.toNanos(1) - System.nanoTime();
            log("ingest p99 while the purge runs (starts in " + Math.max(0, untilPurge / 1_000_000_000) + " s)");
            Thread.sleep(Math.max(0, untilPurge / 1_000_000));
            Wrk.Result duringPurge = checked(wrk.run(gateway.base, CONNECTIONS, MEASURE, key, "P"), "ingest during the purge");
            report.atMost("p99 ingest latency while the purge of " + String.format("%,d", PURGE_ROWS) + " runs", duringPurge.p99Millis(), "ms",
                    "p99 of the same load without purge", ingest.p99Millis(), 2);
            awaitLog("retention purge: purged", Duration.ofMinutes(3));
            trivialAndErrorRoutes(gateway, ingest);
        }
        purgeFigures();
        footprint(env, merchants);
        try (Gateway gateway = Gateway.start(jar, work, List.of("-Xmx256m"), env, http)) {
            export(gateway, merchants.exportKey());
        }
    }

    /** A constant route and the error paths, next to the single ingest of the same gateway: a flood of bad requests must cost less than good ones. */
    private void trivialAndErrorRoutes(Gateway gateway, Wrk.Result ingest) throws Exception {
        log("trivial route, 404 and 401");
        wrk.run(gateway.base + "/robots.txt", CONNECTIONS, Duration.ofSeconds(5));
        Wrk.Result robots = checked(wrk.run(gateway.base + "/robots.txt", CONNECTIONS, MEASURE), "robots.txt");
        report.ratio("the single ingest against a trivial route of the same server", ingest.requestsPerSecond(), "req/s",
                "GET /robots.txt (a constant), same load", robots.requestsPerSecond());
        wrk.run(gateway.base + "/no/such/path", CONNECTIONS, Duration.ofSeconds(5));
        report.atLeast("404 problem for an unknown path, " + CONNECTIONS + " connections",
                wrk.run(gateway.base + "/no/such/path", CONNECTIONS, MEASURE).requestsPerSecond(), "req/s",
                "the single ingest", ingest.requestsPerSecond(), 1);
        wrk.run(gateway.base, CONNECTIONS, Duration.ofSeconds(5), "rg_live_no-such-key", "U");
        report.atLeast("401 problem for an order with an unknown API key, " + CONNECTIONS + " connections",
                wrk.run(gateway.base, CONNECTIONS, MEASURE, "rg_live_no-such-key", "U").requestsPerSecond(), "req/s",
                "the single ingest", ingest.requestsPerSecond(), 1);
    }

    private double defaultHeapIngest;

    /** The same single ingest on a gateway started with the heap README recommends: its RSS, and its rate next to the default heap's. */
    private void footprint(Map<String, String> env, Merchants merchants) throws Exception {
        log("ingest with the recommended heap " + RECOMMENDED_HEAP);
        try (Gateway gateway = Gateway.start(jar, work, RECOMMENDED_HEAP, env, http)) {
            wrk.run(gateway.base, CONNECTIONS, WARM_UP, merchants.benchKey(), "RW");
            long[] rss = {0};
            Wrk.Result ingest = sampled(gateway, rss, () -> checked(wrk.run(gateway.base, CONNECTIONS, MEASURE, merchants.benchKey(), "RS"), "ingest"));
            report.goal("gateway RSS under the ingest load with the recommended heap (" + String.join(" ", RECOMMENDED_HEAP) + ")",
                    rss[0] + " MiB", "≤ " + RSS_GOAL_MIB + " MiB", rss[0] <= RSS_GOAL_MIB);
            report.atLeast("single ingest with the recommended heap", ingest.requestsPerSecond(), "orders/s",
                    "the same with the default heap", defaultHeapIngest, 0.9);
        }
    }

    private void purgeFigures() throws Exception {
        try (Connection c = database.connect();
             ResultSet rs = c.createStatement().executeQuery("SELECT started_at, finished_at, rows_purged FROM purge_runs ORDER BY id")) {
            if (!rs.next()) {
                throw new IllegalStateException("the scheduled purge wrote no audit row");
            }
            double seconds = Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()).toMillis() / 1000.0;
            long rows = rs.getLong(3);
            report.atLeast("purge of " + String.format("%,d", rows) + " expired recipients (under the ingest load for "
                    + String.format("%.0f", Math.min(MEASURE.toSeconds(), seconds)) + " s of its " + String.format("%.0f", seconds) + " s)",
                    rows / seconds, "rows/s", "raw batched DELETE, same rows", baselines.get("delete"), 0.5);
        }
    }

    private void export(Gateway gateway, String key) throws Exception {
        log("export of " + EXPORT_ORDERS + " orders");
        long[] rss = {0};
        long rssBefore = gateway.rssMib();
        long start = System.nanoTime();
        long lines = sampled(gateway, rss, () -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.base + "/v1/export")).header("Authorization", "Bearer " + key).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long count = 0;
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = body.read(buffer)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        count += buffer[i] == '\n' ? 1 : 0;
                    }
                }
            }
            return response.statusCode() == 200 ? count : -response.statusCode();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean complete = lines == EXPORT_ORDERS;
        report.goal("export of " + String.format("%,d", EXPORT_ORDERS) + " orders with -Xmx256m", String.format("%,d lines in %.0f s; RSS %d MiB before, %d MiB at most",
                lines, seconds, rssBefore, rss[0]), "completes, constant memory", complete && gateway.process.isAlive());
    }

    /**
     * A Shopify shop posting orders/paid webhooks (signed, with the addresses, phone and IP a real payload carries)
     * against the same orders posted to POST /v1/orders, both through the same Java client in the same gateway.
     */
    private void shopWebhooks(Map<String, String> env, Merchants merchants) throws Exception {
        log("Shopify webhooks against POST /v1/orders (warm-up " + HOOK_WARM_UP.toSeconds() + " s each)");
        String secret = "bench-shop-secret-" + UUID.randomUUID();
        try (Gateway gateway = Gateway.start(jar, work, List.of(), env, http)) {
            String connector = put(gateway, "/v1/connectors/shopify", merchants.benchKey(),
                    "{\"secret\":\"" + secret + "\",\"delivery\":\"delegated\",\"trigger\":\"paid\"}");
            Matcher url = Pattern.compile("\"webhookUrl\":\"[^\"]*(/hooks/shopify/[0-9a-f]+)\"").matcher(connector);
            if (!url.find()) {
                throw new IllegalStateException("no webhookUrl in " + connector);
            }
            URI hook = URI.create(gateway.base + url.group(1));
            URI orders = URI.create(gateway.base + "/v1/orders");
            PostLoad.Requests api = (thread, n) -> HttpRequest.newBuilder(orders).header("Authorization", "Bearer " + merchants.benchKey())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(apiOrder("API-" + thread + "-" + n))).build();
            ThreadLocal<javax.crypto.Mac> macs = ThreadLocal.withInitial(() -> {
                try {
                    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
                    return mac;
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
            long offset = 9_000_000_000_000_000L;
            PostLoad.Requests shopify = (thread, n) -> {
                byte[] body = shopifyOrder(offset + thread * 100_000_000L + n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                String signature = Base64.getEncoder().encodeToString(macs.get().doFinal(body));
                return HttpRequest.newBuilder(hook).header("Content-Type", "application/json").header("X-Shopify-Topic", "orders/paid")
                        .header("X-Shopify-Hmac-Sha256", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            };
            PostLoad.run(http, CONNECTIONS, HOOK_WARM_UP, api);
            PostLoad.run(http, CONNECTIONS, HOOK_WARM_UP, (thread, n) -> shopify.next(thread, n + 50_000_000L));
            PostLoad.Result viaApi = PostLoad.run(http, CONNECTIONS, MEASURE, (thread, n) -> api.next(thread + 1000, n));
            PostLoad.Result viaHook = PostLoad.run(http, CONNECTIONS, MEASURE, shopify);
            if (viaApi.failures() + viaHook.failures() > 0) {
                log("webhook load: " + viaApi.failures() + " API and " + viaHook.failures() + " webhook answers outside 2xx");
            }
            report.atLeast("Shopify webhook ingest (orders/paid, signed, full PII payload cut at the edge), " + CONNECTIONS + " connections",
                    viaHook.perSecond(), "orders/s", "the same orders posted to POST /v1/orders, same client", viaApi.perSecond(), 0.8);
        }
    }

    private static String apiOrder(String id) {
        return "{\"transactionId\":\"" + id + "\",\"delivery\":\"delegated\",\"customer\":{\"email\":\"" + id.toLowerCase()
                + "@bench.example\",\"name\":\"Bench\"}}";
    }

    /** The shape Shopify posts: the order with its customer, addresses, client details and line items. */
    private static String shopifyOrder(long id) {
        String address = "{\"first_name\":\"Bench\",\"last_name\":\"Customer\",\"address1\":\"Chestnut Street 92\",\"city\":\"Louisville\","
                + "\"zip\":\"40202\",\"country\":\"United States\",\"phone\":\"555-625-1199\",\"name\":\"Bench Customer\"}";
        return "{\"id\":" + id + ",\"email\":\"s" + id + "@bench.example\",\"contact_email\":\"s" + id + "@bench.example\","
                + "\"customer_locale\":\"en\",\"token\":\"b1946ac92492d2347c6235b4d2611184\",\"browser_ip\":\"203.0.113.7\","
                + "\"note\":\"leave at the door\",\"total_price\":\"409.94\",\"currency\":\"USD\",\"billing_address\":" + address
                + ",\"shipping_address\":" + address + ",\"customer\":{\"id\":207119551,\"email\":\"s" + id + "@bench.example\","
                + "\"first_name\":\"Bench\",\"last_name\":\"Customer\",\"phone\":\"555-625-1199\"},"
                + "\"client_details\":{\"browser_ip\":\"203.0.113.7\",\"user_agent\":\"Mozilla/5.0\"},"
                + "\"line_items\":[{\"id\":466157049,\"product_id\":632910392,\"title\":\"IPod Nano - 8gb\",\"quantity\":1,\"price\":\"199.00\"},"
                + "{\"id\":518995019,\"product_id\":921728736,\"title\":\"IPod Touch 8GB\",\"quantity\":1,\"price\":\"199.00\"}]}";
    }

    /** A gateway with the dispatcher on drains the queued mails into the sink; then raw Jakarta Mail sends the same message. */
    private void dispatch(Map<String, String> env, SmtpSink sink, Merchants merchants) throws Exception {
        Map<String, String> dispatching = new java.util.HashMap<>(env);
        dispatching.put("DISPATCH_ENABLED", "true");
        dispatching.put("DISPATCH_POLL_INTERVAL", "PT0.1S");
        double rate = drain(dispatching, sink);
        double raw = RawBaselines.sendMail(sink.port, testMessage(), MAILS_WARM_UP, MAILS, 1);
        report.atLeast("dispatch into Postfix smtp-sink (claim, guards, render, send, durable record), after " + MAILS_WARM_UP + " warm-up mails",
                rate, "mails/s", "raw Jakarta Mail, the same message, one kept-open connection", raw, 0.8);
        if (database.name.startsWith("PostgreSQL")) {
            queueMails(env, merchants.dispatchKey(), "M4");
            dispatching.put("DISPATCH_CONNECTIONS", String.valueOf(DISPATCH_CONNECTIONS));
            double rate4 = drain(dispatching, sink);
            double raw4 = RawBaselines.sendMail(sink.port, testMessage(), MAILS_WARM_UP, MAILS, DISPATCH_CONNECTIONS);
            report.atLeast("the same with DISPATCH_CONNECTIONS=" + DISPATCH_CONNECTIONS, rate4, "mails/s",
                    "raw Jakarta Mail over " + DISPATCH_CONNECTIONS + " kept-open connections", raw4, 0.8);
        }
    }

    /** A gateway with the dispatcher on drains the queued mails into the sink; mails/s from the warm-up's end. */
    private double drain(Map<String, String> dispatching, SmtpSink sink) throws Exception {
        log("dispatch of " + (MAILS + MAILS_WARM_UP) + " mails, DISPATCH_CONNECTIONS=" + dispatching.getOrDefault("DISPATCH_CONNECTIONS", "1"));
        long before = sink.delivered();
        try (Gateway ignored = Gateway.start(jar, work, List.of(), dispatching, http)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            long warm = 0;
            long received = 0;
            while (received < MAILS + MAILS_WARM_UP && System.nanoTime() < deadline) {
                Thread.sleep(20);
                received = sink.delivered() - before;
                if (warm == 0 && received >= MAILS_WARM_UP) {
                    warm = System.nanoTime();
                }
            }
            if (received < MAILS + MAILS_WARM_UP) {
                throw new IllegalStateException("dispatch delivered " + received + " of " + (MAILS + MAILS_WARM_UP) + " in 3 minutes");
            }
            return (received - MAILS_WARM_UP) / ((System.nanoTime() - warm) / 1e9);
        }
    }

    /** Queues another set of due invitations, through a gateway that does not dispatch. */
    private void queueMails(Map<String, String> env, String key, String prefix) throws Exception {
        try (Gateway gateway = Gateway.start(jar, work, List.of(), env, http)) {
            for (int i = 0; i < MAILS + MAILS_WARM_UP; i += ORDERS_PER_BATCH) {
                send(gateway, "/v1/orders/batch", key, batch(prefix + "-" + i, ORDERS_PER_BATCH, Instant.now()));
            }
        }
    }

    /** The test message the first start wrote, with the unsubscribe headers every invitation carries. */
    private MimeMessage testMessage() throws Exception {
        Path eml;
        try (var files = Files.walk(work.resolve("data").resolve("mail"))) {
            eml = files.filter(p -> p.toString().endsWith(".eml")).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
            message.setHeader("List-Unsubscribe", "<http://localhost/u/xxxxxxxxxxxxxxxxxxxxxxxx>");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            return message;
        }
    }

    // ---- helpers ----

    private final long benchStarted = System.nanoTime();

    private void log(String line) {
        System.out.printf("bench: [%4.0f s] %s%n", (System.nanoTime() - benchStarted) / 1e9, line);
    }

    interface Measured<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} while sampling the gateway's RSS every 200 ms into {@code max[0]}. */
    private static <T> T sampled(Gateway gateway, long[] max, Measured<T> work) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                max[0] = Math.max(max[0], gateway.rssMib());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            return work.run();
        } finally {
            done.set(true);
            sampler.join();
        }
    }

    private Wrk.Result checked(Wrk.Result result, String what) {
        if (result.badAnswers() > 0 || result.socketErrors() > 0) {
            log(what + ": " + result.badAnswers() + " answers outside 2xx, " + result.socketErrors() + " socket errors");
        }
        return result;
    }

    private void awaitLog(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(work.resolve("gateway.log")).contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no '" + text + "' in the gateway log after " + timeout);
    }

    /** A product with a review, so its public rating has an aggregate to answer with; returns the rating's path. */
    private String ratedProduct(Gateway gateway, Merchants merchants) throws Exception {
        HttpResponse<String> order = http.send(HttpRequest.newBuilder(URI.create(gateway.base + "/v1/orders"))
                .header("Authorization", "Bearer " + merchants.benchKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"transactionId\":\"RATED-1\",\"delivery\":\"self\","
                        + "\"products\":[{\"id\":\"BENCH-MUG\",\"name\":\"Bench mug\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher link = Pattern.compile("\"reviewLink\":\"[^\"]*(/r/[^\"]+)\"").matcher(order.body());
        if (order.statusCode() != 201 || !link.find()) {
            throw new IllegalStateException("the rated product's order failed: " + order.statusCode());
        }
        HttpResponse<String> review = http.send(HttpRequest.newBuilder(URI.create(gateway.base + link.group(1)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rating\":5,\"products\":[{\"id\":\"BENCH-MUG\",\"rating\":4}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (review.statusCode() != 200) {
            throw new IllegalStateException("the rated product's review failed: " + review.statusCode());
        }
        return "/p/" + merchants.bench() + "/products/BENCH-MUG/rating";
    }

    private String[] createMerchant(Gateway gateway, String name) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway.base + "/admin/v1/merchants"))
                .header("Authorization", "Bearer " + Gateway.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"merchantId\":\"([^\"]+)\".*\"apiKey\":\"([^\"]+)\"").matcher(created.body());
        if (created.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("creating a merchant failed: " + created.statusCode());
        }
        return new String[]{m.group(1), m.group(2)};
    }

    private String put(Gateway gateway, String path, String key, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway.base + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void send(Gateway gateway, String path, String key, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway.base + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String batch(String prefix, int n, Instant sendAt) {
        List<String> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = prefix + "-" + i;
            orders.add("{\"transactionId\":\"" + id + "\",\"delivery\":\"delegated\",\"customer\":{\"email\":\"" + id.toLowerCase()
                    + "@bench.example\",\"name\":\"Bench Customer\"},\"sendAt\":\"" + sendAt + "\"}");
        }
        return "{\"orders\":[" + String.join(",", orders) + "]}";
    }
}
