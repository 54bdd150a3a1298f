package org.reviewgateway.gateway.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Reads the database directly, outside any transaction of the application. */
public final class Db {

    private Db() {
    }

    /** Every column of the first row, as bytes (null columns left out). */
    public static java.util.List<byte[]> bytes(DataSource dataSource, String sql, Object... params) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                java.util.List<byte[]> values = new java.util.ArrayList<>();
                if (rs.next()) {
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        if (rs.getBytes(col) != null) {
                            values.add(rs.getBytes(col));
                        }
                    }
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Looks through every column of every table for the given byte sequences and texts (case-insensitive);
     * returns table.column of each hit.
     */
    public static java.util.List<String> scanAllColumns(DataSource dataSource, java.util.List<byte[]> traces, java.util.List<String> texts) {
        return scan(dataSource, null, traces, texts);
    }

    /**
     * The same, over the rows of one merchant in every table that has a merchant (and every row of the tables that
     * have none): fast on a database other tests filled with hundreds of thousands of rows.
     */
    public static java.util.List<String> scanRowsOf(DataSource dataSource, java.util.UUID merchantId, java.util.List<byte[]> traces,
                                                    java.util.List<String> texts) {
        return scan(dataSource, merchantId, traces, texts);
    }

    private static java.util.List<String> scan(DataSource dataSource, java.util.UUID merchantId, java.util.List<byte[]> traces,
                                               java.util.List<String> texts) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        java.util.List<String> hexTraces = traces.stream().map(hex::formatHex).toList();
        java.util.List<String> lowerTexts = texts.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList();
        java.util.List<String> hits = new java.util.ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            java.util.List<String[]> tables = new java.util.ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    if (!"information_schema".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                        tables.add(new String[]{rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")});
                    }
                }
            }
            for (String[] table : tables) {
                String name = table[0] + "." + table[1];
                String scope = merchantId == null ? "" : table[1].equalsIgnoreCase("merchants") ? " WHERE id = ?"
                        : hasColumn(c, table, "merchant_id") ? " WHERE merchant_id = ?" : "";
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + name + scope)) {
                    if (!scope.isEmpty()) {
                        ps.setObject(1, merchantId);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int col = 1; col <= columns; col++) {
                                Object value = rs.getObject(col);
                                boolean binary = value instanceof byte[];
                                String text = binary ? hex.formatHex((byte[]) value) : String.valueOf(value).toLowerCase(java.util.Locale.ROOT);
                                for (String trace : hexTraces) {
                                    if (text.contains(trace)) {
                                        hits.add(name + "." + rs.getMetaData().getColumnName(col));
                                    }
                                }
                                for (String t : lowerTexts) {
                                    if (!binary && text.contains(t)) {
                                        hits.add(name + "." + rs.getMetaData().getColumnName(col));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hits;
    }

    private static boolean hasColumn(Connection c, String[] table, String column) throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, table[0], table[1], null)) {
            while (rs.next()) {
                if (column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    public static String text(DataSource dataSource, String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row. */
    public static java.util.List<String> texts(DataSource dataSource, String sql, Object... params) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                java.util.List<String> values = new java.util.ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(DataSource dataSource, String sql, Object... params) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(DataSource dataSource, String sql, Object... params) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
