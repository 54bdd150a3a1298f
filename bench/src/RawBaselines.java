import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** What the hardware and the libraries do with nothing of ours in between: the baselines of the ratios. */
final class RawBaselines {

    private final Database database;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong();

    RawBaselines(Database database) {
        this.database = database;
    }

    /**
     * The rows a delegated order costs (order, recipient, invite delivery) written by plain JDBC, from
     * {@code threads} connections, {@code perTransaction} orders per commit; orders per second measured
     * after a warm-up.
     */
    double insertOrders(int threads, UUID merchantId, int perTransaction, Duration warmUp, Duration measure) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                try (Connection c = database.connect()) {
                    while (!stop.get()) {
                        insert(c, merchantId, perTransaction);
                        if (measuring.get()) {
                            written.addAndGet(perTransaction);
                        }
                    }
                }
                return null;
            }));
        }
        Thread.sleep(warmUp.toMillis());
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return written.get() / seconds;
    }

    private void insert(Connection c, UUID merchantId, int n) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp due = Timestamp.from(Instant.now().plus(Duration.ofDays(7)));
        List<Long> orderIds = new ArrayList<>(n);
        try (PreparedStatement order = c.prepareStatement("INSERT INTO orders (merchant_id, transaction_id, delivery, locale, status, "
                + "personal_data, review_token_hash, review_token_sealed, request_digest, send_at, created_at, updated_at) "
                + "VALUES (?, ?, 'delegated', NULL, 'scheduled', 'held', ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < n; i++) {
                order.setObject(1, merchantId);
                order.setString(2, "J-" + ids.incrementAndGet());
                order.setBytes(3, bytes(32));
                order.setBytes(4, bytes(52));
                order.setBytes(5, bytes(32));
                order.setTimestamp(6, due);
                order.setTimestamp(7, now);
                order.setTimestamp(8, now);
                order.addBatch();
            }
            order.executeBatch();
            try (ResultSet keys = order.getGeneratedKeys()) {
                while (keys.next()) {
                    orderIds.add(keys.getLong(1));
                }
            }
        }
        try (PreparedStatement recipient = c.prepareStatement("INSERT INTO recipients (order_id, merchant_id, key_id, email_cipher, "
                + "name_cipher, email_hash, customer_digest, purge_after, created_at, unsubscribe_token_hash) "
                + "VALUES (?, ?, 'bench', ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement delivery = c.prepareStatement("INSERT INTO deliveries (order_id, merchant_id, kind, status, due_at, "
                     + "next_attempt_at, attempts, created_at, updated_at) VALUES (?, ?, 'invite', 'pending', ?, ?, 0, ?, ?)")) {
            for (Long orderId : orderIds) {
                recipient.setLong(1, orderId);
                recipient.setObject(2, merchantId);
                recipient.setBytes(3, bytes(60));
                recipient.setBytes(4, bytes(42));
                recipient.setBytes(5, bytes(32));
                recipient.setBytes(6, bytes(32));
                recipient.setTimestamp(7, due);
                recipient.setTimestamp(8, now);
                recipient.setBytes(9, bytes(32));
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

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Deletes every recipient expired by {@code cutoff}: 1 000 per transaction, found by the purge_after index. Rows/s. */
    double deleteExpired(Timestamp cutoff) throws SQLException {
        long deleted = 0;
        long start = System.nanoTime();
        try (Connection c = database.connect();
             PreparedStatement select = c.prepareStatement("SELECT id FROM recipients WHERE purge_after <= ? ORDER BY purge_after LIMIT 1000");
             PreparedStatement delete = c.prepareStatement("DELETE FROM recipients WHERE id = ?")) {
            while (true) {
                select.setTimestamp(1, cutoff);
                int batch = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        delete.setLong(1, rs.getLong(1));
                        delete.addBatch();
                        batch++;
                    }
                }
                if (batch == 0) {
                    break;
                }
                delete.executeBatch();
                c.commit();
                deleted += batch;
            }
        }
        return deleted / ((System.nanoTime() - start) / 1e9);
    }

    /** Sends {@code count} copies of {@code template} to distinct addresses over one kept-open SMTP connection. Mails/s. */
    /** {@code connections} threads, each on its own kept-open connection, warm up together, then send {@code count} in all. */
    static double sendMail(int smtpPort, MimeMessage template, int warmUp, int count, int connections) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(props);
        CyclicBarrier warm = new CyclicBarrier(connections + 1);
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int sender = c;
            done.add(senders.submit(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = 0; i < warmUp / connections + count / connections; i++) {
                        if (i == warmUp / connections) {
                            warm.await();
                        }
                        MimeMessage message = new MimeMessage(template);
                        message.setRecipient(Message.RecipientType.TO, new InternetAddress("raw" + sender + "-" + i + "@bench.example"));
                        message.saveChanges();
                        transport.sendMessage(message, message.getAllRecipients());
                    }
                }
                return null;
            }));
        }
        warm.await();
        long start = System.nanoTime();
        for (Future<?> sender : done) {
            sender.get();
        }
        senders.shutdown();
        return (count / connections * connections) / ((System.nanoTime() - start) / 1e9);
    }
}
