package org.reviewgateway.gateway.order;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.data.MerchantKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Which of a batch's transaction IDs the merchant already has: one read for a batch instead of one per order. */
@Singleton
class KnownTransactionIds {

    private final ConnectionOperations<Connection> connections;
    private final MerchantKeys keys;

    KnownTransactionIds(ConnectionOperations<Connection> connections, MerchantKeys keys) {
        this.connections = connections;
        this.keys = keys;
    }

    /** On the caller's connection (its transaction, if any). */
    Set<String> among(UUID merchantId, Collection<String> transactionIds) {
        if (transactionIds.isEmpty()) {
            return Set.of();
        }
        return connections.executeRead(status -> {
            Set<String> known = new HashSet<>();
            try (PreparedStatement ps = keys.among(status.getConnection(), "SELECT transaction_id FROM orders", "transaction_id",
                    merchantId, transactionIds.toArray(String[]::new), "varchar");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new DataAccessException("order look-up failed", e);
            }
            return known;
        });
    }
}
