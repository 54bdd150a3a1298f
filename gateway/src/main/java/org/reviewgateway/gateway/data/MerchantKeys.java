package org.reviewgateway.gateway.data;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.UUID;

/**
 * "Which of these values does the merchant have?" as one statement that reads the (merchant_id, column) key on both
 * databases: H2 uses the key for row values, (merchant_id, column) IN ((?, ?), …), but reads every row of the merchant
 * for merchant_id = ? AND column IN (…); PostgreSQL plans a long row-value list slowly and reads the key for
 * merchant_id = ? AND column = ANY(array).
 */
@Singleton
public class MerchantKeys {

    private final DatabaseKind database;

    MerchantKeys(DatabaseKind database) {
        this.database = database;
    }

    /**
     * @param select    {@code SELECT … FROM table}, to which the condition is added
     * @param values    typed as the column ({@code String[]}, {@code byte[][]}: PostgreSQL's driver encodes an array by its type)
     * @param arrayType the column's type as PostgreSQL names it in an array ({@code varchar}, {@code bytea})
     * @return the statement, bound; the caller executes and closes it
     */
    public PreparedStatement among(Connection c, String select, String column, UUID merchantId, Object[] values, String arrayType)
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
