package org.reviewgateway.retention;

import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes merchant webhook events into the webhook outbox on the caller's connection, inside its transaction, so an
 * event exists exactly when the change it reports was committed. One row per endpoint of the merchant subscribed to
 * the event; none (and no cost beyond one indexed look-up) when nobody subscribed. Lives here, not in the gateway,
 * because the standalone retention job writes its purge events too; the gateway's webhook feature delivers them.
 */
@Singleton
public class WebhookOutbox {

    public static final String PERSONAL_DATA_PURGED = "personal_data.purged";

    private static final String INSERT = """
            INSERT INTO webhook_messages (message_id, webhook_id, merchant_id, event_type, payload, status, attempts,
                                          next_attempt_at, created_at)
            SELECT ? || w.id, w.id, w.merchant_id, ?, ?, 'pending', 0, ?, ?
            FROM webhooks w WHERE w.merchant_id = ? AND POSITION(? IN w.events) > 0""";

    private final SecureRandom random = new SecureRandom();

    /**
     * Records one event for every endpoint of the merchant subscribed to it.
     *
     * @param dataJson the event's {@code data} object as JSON, free of personal data
     */
    public void record(Connection c, UUID merchantId, String type, String dataJson, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, merchantId, type, dataJson, at);
            ps.executeUpdate();
        }
    }

    /** A personal_data.purged event for each of these orders whose merchant subscribed to it; one statement batch. */
    public void recordPurged(Connection c, List<Long> orderIds, Instant at) throws SQLException {
        if (orderIds.isEmpty()) {
            return;
        }
        Set<UUID> subscribed = subscribedMerchants(c, PERSONAL_DATA_PURGED);
        if (subscribed.isEmpty()) {
            return;
        }
        List<Object[]> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT merchant_id, transaction_id FROM orders WHERE id = ANY(?) ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("bigint", orderIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (subscribed.contains(rs.getObject(1, UUID.class))) {
                        events.add(new Object[]{rs.getObject(1, UUID.class), rs.getString(2)});
                    }
                }
            }
        }
        if (events.isEmpty()) {
            return;
        }
        String purgedAt = timestamp(at);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Object[] event : events) {
                bind(ps, (UUID) event[0], PERSONAL_DATA_PURGED,
                        "{\"transactionId\":" + jsonString((String) event[1]) + ",\"purgedAt\":\"" + purgedAt + "\"}", at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void bind(PreparedStatement ps, UUID merchantId, String type, String dataJson, Instant at) throws SQLException {
        // due at once, in the precision every column keeps: a finer instant, rounded up by the database, would be due a tick late
        Timestamp now = Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS));
        ps.setString(1, newMessagePrefix());
        ps.setString(2, type);
        ps.setString(3, "{\"type\":\"" + type + "\",\"timestamp\":\"" + timestamp(at) + "\",\"data\":" + dataJson + "}");
        ps.setTimestamp(4, now);
        ps.setTimestamp(5, now);
        ps.setObject(6, merchantId);
        ps.setString(7, "," + type + ",");
    }

    private static Set<UUID> subscribedMerchants(Connection c, String type) throws SQLException {
        Set<UUID> merchants = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT merchant_id FROM webhooks WHERE POSITION(? IN events) > 0")) {
            ps.setString(1, "," + type + ",");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    merchants.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return merchants;
    }

    /** {@code msg_<event>_}: the endpoint's id completes it, so one event sent to two endpoints has two ids. */
    private String newMessagePrefix() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return "msg_" + HexFormat.of().formatHex(bytes) + "_";
    }

    /** Instants as the API writes them: ISO-8601 UTC, milliseconds. */
    public static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
