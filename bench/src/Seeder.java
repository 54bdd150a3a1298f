import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Fills the database for the purge and export figures with set-based SQL (hundreds of thousands of
 * rows in seconds, not an hour of API calls), shaped as the gateway writes them. Runs only while no
 * gateway holds the database.
 */
final class Seeder {

    private static final int CHUNK = 50_000;

    private final Database database;
    private final byte[] sealedToken;

    /** {@code sealedToken}: a review token sealed by the gateway's key, so the export can open every seeded order's. */
    Seeder(Database database, byte[] sealedToken) {
        this.database = database;
        this.sealedToken = sealedToken;
    }

    /** Orders whose invitation went out and whose recipient expired at {@code purgeAfter}. */
    void expiredRecipients(UUID merchantId, String tag, int count, Timestamp purgeAfter) throws SQLException {
        try (Connection c = database.connect()) {
            bulkLoading(c, true);
            for (int from = 1; from <= count; from += CHUNK) {
                int to = Math.min(count, from + CHUNK - 1);
                long before = maxOrderId(c);
                insertOrders(c, merchantId, tag, from, to, "delegated", "sent", "held", purgeAfter, database::digest);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO recipients (order_id, merchant_id, key_id, email_cipher, "
                        + "name_cipher, email_hash, customer_digest, purge_after, created_at, unsubscribe_token_hash) "
                        + "SELECT id, merchant_id, 'bench', " + database.digest("'ec' || CAST(id AS VARCHAR)") + ", "
                        + database.digest("'nc' || CAST(id AS VARCHAR)") + ", " + database.digest("'eh' || CAST(id AS VARCHAR)") + ", "
                        + database.digest("'cd' || CAST(id AS VARCHAR)") + ", ?, ?, " + database.digest("'ut' || CAST(id AS VARCHAR)")
                        + " FROM orders WHERE id > ? AND merchant_id = ?")) {
                    ps.setTimestamp(1, purgeAfter);
                    ps.setTimestamp(2, purgeAfter);
                    ps.setLong(3, before);
                    ps.setObject(4, merchantId);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries (order_id, merchant_id, kind, status, due_at, "
                        + "next_attempt_at, attempts, sent_at, created_at, updated_at) "
                        + "SELECT id, merchant_id, 'invite', 'sent', ?, ?, 1, ?, ?, ? FROM orders WHERE id > ? AND merchant_id = ?")) {
                    for (int i = 1; i <= 5; i++) {
                        ps.setTimestamp(i, purgeAfter);
                    }
                    ps.setLong(6, before);
                    ps.setObject(7, merchantId);
                    ps.executeUpdate();
                }
                c.commit();
            }
            bulkLoading(c, false);
        }
    }

    /** Self-delivered orders (no personal data, no deliveries): the bulk of an export. */
    void selfDeliveredOrders(UUID merchantId, String tag, int count, Timestamp createdAt) throws SQLException {
        try (Connection c = database.connect()) {
            bulkLoading(c, true);
            for (int from = 1; from <= count; from += CHUNK) {
                insertOrders(c, merchantId, tag, from, Math.min(count, from + CHUNK - 1), "self", "link_issued", "none", createdAt,
                        database::bytes);
                c.commit();
            }
            bulkLoading(c, false);
        }
    }

    /**
     * {@code key} turns a text into the bytes of the two hashed columns: spread like real hashes where the
     * figure deletes by them (the purge), in index order where it only reads the orders back (the export).
     */
    private void insertOrders(Connection c, UUID merchantId, String tag, int from, int to, String delivery, String status,
                              String personalData, Timestamp at, UnaryOperator<String> key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (merchant_id, transaction_id, delivery, locale, status, "
                + "personal_data, review_token_hash, review_token_sealed, request_digest, send_at, created_at, updated_at) "
                + "SELECT ?, '" + tag + "-' || CAST(x AS VARCHAR), ?, NULL, ?, ?, " + key.apply("'" + tag + "rt' || LPAD(CAST(x AS VARCHAR), 12, '0')")
                + ", ?, " + key.apply("'" + tag + "rd' || LPAD(CAST(x AS VARCHAR), 12, '0')") + ", ?, ?, ? FROM " + database.range(from, to))) {
            ps.setObject(1, merchantId);
            ps.setString(2, delivery);
            ps.setString(3, status);
            ps.setString(4, personalData);
            ps.setBytes(5, sealedToken);
            ps.setTimestamp(6, at);
            ps.setTimestamp(7, at);
            ps.setTimestamp(8, at);
            ps.executeUpdate();
        }
    }

    /**
     * H2 stores a chunk per commit with WRITE_DELAY=0, and with hundreds of thousands of rows per commit it
     * stores many more on the way; seeding is no measurement, so H2 writes as it likes meanwhile.
     */
    private void bulkLoading(Connection c, boolean on) throws SQLException {
        if (database.isH2()) {
            c.createStatement().execute("SET WRITE_DELAY " + (on ? 500 : 0));
            c.commit();
        }
    }

    private static long maxOrderId(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The sealed review token of any order the gateway itself wrote. */
    static byte[] sealedTokenOf(Database database, UUID merchantId) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT review_token_sealed FROM orders WHERE merchant_id = ? LIMIT 1")) {
            ps.setObject(1, merchantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
