package org.reviewgateway.gateway.data;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * "Which of these values does the merchant have?" as one statement that reads the (merchant_id, column) key on both
 * databases: H2 uses the key for row values, (merchant_id, column) IN ((?, ?), …), but reads every row of the merchant
 * for merchant_id = ? AND column IN (…); PostgreSQL plans a long row-value list slowly and reads the key for
 * merchant_id = ? AND column = ANY(array). Plain JDBC: Micronaut Data expands neither row values nor a list of byte arrays.
 */
@Singleton
public class MerchantKeys {

    /** Reads the column's value from the current row. */
    @FunctionalInterface
    public interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final ConnectionOperations<Connection> connections;
    private final DatabaseKind database;

    MerchantKeys(ConnectionOperations<Connection> connections, DatabaseKind database) {
        this.connections = connections;
        this.database = database;
    }

    /**
     * On the caller's connection (its transaction, if any).
     *
     * @param values    typed as the column ({@code String[]}, {@code byte[][]}: PostgreSQL's driver encodes an array by its type)
     * @param arrayType the column's type as PostgreSQL names it in an array ({@code varchar}, {@code bytea})
     * @return the values among {@code values} that the merchant has in {@code table}
     */
    public <T> Set<T> present(String table, String column, UUID merchantId, Object[] values, String arrayType, Column<T> read) {
        if (values.length == 0) {
            return Set.of();
        }
        return connections.executeRead(status -> {
            Set<T> present = new HashSet<>();
            try (PreparedStatement ps = statement(status.getConnection(), "SELECT " + column + " FROM " + table, column, merchantId,
                    values, arrayType);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(read.read(rs));
                }
            } catch (SQLException e) {
                throw new DataAccessException("look-up in " + table + " failed", e);
            }
            return present;
        });
    }

    private PreparedStatement statement(Connection c, String select, String column, UUID merchantId, Object[] values, String arrayType)
            throws SQLException {
        if (database.postgres()) {
            PreparedStatement ps = c.prepareStatement(select + " WHERE merchant_id = ? AND " + column + " = ANY(?)");
            ps.setObject(1, merchantId);
            ps.setArray(2, c.createArrayOf(arrayType, values));
            return ps;
        }
        PreparedStatement ps = c.prepareStatement(select + " WHERE (merchant_id, " + column + ") IN ("
                + String.join(", ", Collections.nCopies(values.length, "(?, ?)")) + ")");
        for (int i = 0; i < values.length; i++) {
            ps.setObject(2 * i + 1, merchantId);
            ps.setObject(2 * i + 2, values[i]);
        }
        return ps;
    }
}
