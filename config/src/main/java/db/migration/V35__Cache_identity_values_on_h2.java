package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * On the embedded H2 only: identity columns hand out 1,000 values per write of their sequence instead of 32. With
 * WRITE_DELAY=0 each such write is a commit that stores every changed page, which cost a batch of 500 orders some
 * 60 stores (about half its time). A restart may skip up to 1,000 IDs per table; nothing reads meaning into them.
 * PostgreSQL keeps its sequences as they are: there a cache is per connection and would scatter IDs across sessions.
 */
public class V35__Cache_identity_values_on_h2 extends BaseJavaMigration {

    static final int CACHE = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String[] column : identityColumns(statement)) {
                statement.execute("ALTER TABLE " + column[0] + " ALTER COLUMN " + column[1] + " SET CACHE " + CACHE);
            }
        }
    }

    private static List<String[]> identityColumns(Statement statement) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema AND is_identity = 'YES' ORDER BY table_name")) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return columns;
    }
}
