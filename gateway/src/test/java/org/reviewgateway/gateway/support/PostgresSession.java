package org.reviewgateway.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * With {@code -Dtest.database=postgres} (the second Surefire run), starts a real PostgreSQL 15 in this
 * JVM for the whole test session and points every application context at it; otherwise does nothing
 * and the tests run on the embedded H2 default.
 */
public class PostgresSession implements LauncherSessionListener {

    private EmbeddedPostgres postgres;

    public static boolean active() {
        return "postgres".equals(System.getProperty("test.database"));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!active()) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        System.setProperty("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"));
        System.setProperty("datasources.default.username", "postgres");
        System.setProperty("datasources.default.password", "");
        // One key for every context: they all share this database.
        System.setProperty("gateway.pii-key", Base64.getEncoder().encodeToString(new byte[32]));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM ends next
            }
        }
    }
}
