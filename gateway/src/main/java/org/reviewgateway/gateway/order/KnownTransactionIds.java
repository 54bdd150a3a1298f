package org.reviewgateway.gateway.order;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which of a batch's transaction IDs the merchant already has: one read for a batch instead of one per order. */
@Singleton
class KnownTransactionIds {

    private final ConnectionOperations<Connection> connections;

    KnownTransactionIds(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    /** On the caller's connection (its transaction, if any). */
    Set<String> among(UUID merchantId, Collection<String> transactionIds) {
        if (transactionIds.isEmpty()) {
            return Set.of();
        }
        return connections.executeRead(status -> among(status.getConnection(), merchantId, List.copyOf(transactionIds)));
    }

    private static Set<String> among(Connection c, UUID merchantId, List<String> transactionIds) {
        // row values: H2 looks up (merchant_id, transaction_id) IN (...) on the unique key, but for
        // merchant_id = ? AND transaction_id IN (...) it reads every order of the merchant
        String sql = "SELECT transaction_id FROM orders WHERE (merchant_id, transaction_id) IN ("
                + String.join(", ", Collections.nCopies(transactionIds.size(), "(?, ?)")) + ")";
        Set<String> known = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < transactionIds.size(); i++) {
                ps.setObject(2 * i + 1, merchantId);
                ps.setString(2 * i + 2, transactionIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("order look-up failed", e);
        }
        return known;
    }
}
