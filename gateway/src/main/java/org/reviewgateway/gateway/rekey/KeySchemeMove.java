package org.reviewgateway.gateway.rekey;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.privacy.DataKeys;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.privacy.UnsubscribeTokens;
import org.reviewgateway.gateway.suppression.OptOutLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Gives every merchant of the master-key scheme a data key, then, from the next run on (once every replica's cache
 * has seen the switch), re-seals its rows in batches: recipients (address, name; re-hashed, the old hash kept beside the
 * new one for the opt-outs recorded under it; a new unsubscribe token recorded), review tokens, connector and webhook secrets. Each
 * row is rewritten only if nobody changed it meanwhile, so replicas may run it at once; a run that stops resumes.
 */
@Singleton
public class KeySchemeMove {

    private static final Logger LOG = LoggerFactory.getLogger(KeySchemeMove.class);
    static final int BATCH = 200;

    private final DataKeys dataKeys;
    private final PiiCipher cipher;
    private final UnsubscribeTokens unsubscribeTokens;
    private final OptOutLinks optOutLinks;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    KeySchemeMove(DataKeys dataKeys, PiiCipher cipher, UnsubscribeTokens unsubscribeTokens, OptOutLinks optOutLinks,
                  TransactionOperations<Connection> transactions, Clock clock) {
        this.dataKeys = dataKeys;
        this.cipher = cipher;
        this.unsubscribeTokens = unsubscribeTokens;
        this.optOutLinks = optOutLinks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One step for every merchant: re-seals those switched before, then switches those still on the master-key scheme. */
    public void run() {
        transactions.executeWrite(status -> recordKeylessMerchants());
        for (UUID merchant : transactions.executeRead(status -> dataKeys.moving())) {
            try {
                resealAll(merchant);
                if (transactions.executeWrite(status -> dataKeys.moved(merchant))) {
                    LOG.info("Merchant {} moved to a data key of its own", merchant);
                }
            } catch (RuntimeException e) {
                LOG.warn("Moving merchant {} to its data key failed ({}); tried again next run, the others go on", merchant, e.getClass().getName());
            }
        }
        for (UUID merchant : transactions.executeRead(status -> dataKeys.ofTheMasterKeyScheme())) {
            transactions.executeWrite(status -> dataKeys.beginMove(merchant));
        }
    }

    /** A merchant a process of the release before data keys created has no data_keys row: it is of the master-key scheme. */
    private int recordKeylessMerchants() {
        try (PreparedStatement ps = transactions.getConnection().prepareStatement("""
                INSERT INTO data_keys (merchant_id, wrapped_key, master_key_id, created_at)
                SELECT m.id, NULL, NULL, ? FROM merchants m
                WHERE m.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM data_keys k WHERE k.merchant_id = m.id)""")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(clock.instant()));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record merchants without a data key", e);
        }
    }

    private void resealAll(UUID merchant) {
        while (transactions.executeWrite(status -> resealRecipients(merchant)) > 0) {
            // next batch
        }
        long after = 0;
        while (after >= 0) {
            long from = after;
            after = transactions.executeWrite(status -> resealOrders(merchant, from));
        }
        transactions.executeWrite(status -> resealSecrets(merchant, "connectors"));
        transactions.executeWrite(status -> resealSecrets(merchant, "webhooks"));
    }

    private record Row(long id, long orderId, String keyId, byte[] email, byte[] name, byte[] emailHash) {
    }

    private int resealRecipients(UUID merchant) {
        Connection c = transactions.getConnection();
        try {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, order_id, key_id, email_cipher, name_cipher, email_hash FROM recipients "
                    + "WHERE merchant_id = ? AND key_id <> ? ORDER BY id LIMIT " + BATCH)) {
                ps.setObject(1, merchant);
                ps.setString(2, DataKeys.DATA_KEY_ID);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5), rs.getBytes(6)));
                    }
                }
            }
            for (Row row : rows) {
                String email = cipher.decrypt(merchant, row.email());
                String name = row.name() == null ? null : cipher.decrypt(merchant, row.name());
                byte[] hash = cipher.addressHash(merchant, email);
                byte[] tokenHash = SecretTokens.hash(unsubscribeTokens.forOrder(merchant, row.orderId()));
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE recipients SET key_id = ?, email_cipher = ?, name_cipher = ?, email_hash = ?, legacy_email_hash = ?,
                          customer_digest = ?, unsubscribe_token_hash = ?
                        WHERE id = ? AND key_id = ?""")) {
                    ps.setString(1, DataKeys.DATA_KEY_ID);
                    ps.setBytes(2, cipher.encrypt(merchant, email));
                    ps.setBytes(3, name == null ? null : cipher.encrypt(merchant, name));
                    ps.setBytes(4, hash);
                    ps.setBytes(5, row.emailHash());
                    ps.setBytes(6, cipher.customerDigest(merchant, email, name));
                    ps.setBytes(7, tokenHash);
                    ps.setLong(8, row.id());
                    ps.setString(9, row.keyId());
                    if (ps.executeUpdate() == 1) {
                        optOutLinks.record(tokenHash, merchant, hash, row.orderId(), clock.instant());
                    }
                }
            }
            return rows.size();
        } catch (SQLException e) {
            throw new IllegalStateException("could not re-seal recipients", e);
        }
    }

    /** @return the last order id of this batch, or -1 when there was none */
    private long resealOrders(UUID merchant, long after) {
        Connection c = transactions.getConnection();
        long last = -1;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, review_token_sealed FROM orders WHERE merchant_id = ? AND id > ? "
                + "ORDER BY id LIMIT " + BATCH)) {
            ps.setObject(1, merchant);
            ps.setLong(2, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    byte[] sealed = rs.getBytes(2);
                    if (!cipher.sealedWithCurrentKey(merchant, sealed, false)) {
                        reseal(c, "UPDATE orders SET review_token_sealed = ? WHERE id = ? AND review_token_sealed = ?",
                                cipher.encrypt(merchant, cipher.decrypt(merchant, sealed)), last, sealed);
                    }
                }
            }
            return last;
        } catch (SQLException e) {
            throw new IllegalStateException("could not re-seal review tokens", e);
        }
    }

    /** The signing secrets of a table with {@code id} and {@code secret_sealed}: connectors, webhooks. */
    private int resealSecrets(UUID merchant, String table) {
        Connection c = transactions.getConnection();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, secret_sealed FROM " + table + " WHERE merchant_id = ?")) {
            ps.setObject(1, merchant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] sealed = rs.getBytes(2);
                    if (!cipher.sealedWithCurrentKey(merchant, sealed, true)) {
                        try (PreparedStatement update = c.prepareStatement(
                                "UPDATE " + table + " SET secret_sealed = ? WHERE id = ? AND secret_sealed = ?")) {
                            update.setBytes(1, cipher.sealSecret(merchant, cipher.unsealSecret(merchant, sealed)));
                            update.setString(2, rs.getString(1));
                            update.setBytes(3, sealed);
                            update.executeUpdate();
                        }
                    }
                }
            }
            return 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not re-seal the secrets in " + table, e);
        }
    }

    private static void reseal(Connection c, String sql, byte[] sealed, long id, byte[] before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, sealed);
            ps.setLong(2, id);
            ps.setBytes(3, before);
            ps.executeUpdate();
        }
    }
}
