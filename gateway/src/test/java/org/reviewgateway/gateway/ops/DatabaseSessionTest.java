package org.reviewgateway.gateway.ops;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.PostgresSession;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every pooled connection carries the statement timeout (DATABASE_STATEMENT_TIMEOUT, default 30 s); how IDs are handed out. */
@MicronautTest(transactional = false)
class DatabaseSessionTest {

    @Inject
    DataSource dataSource;

    @Test
    void connectionsHaveTheStatementTimeout() {
        if (PostgresSession.active()) {
            assertEquals("30s", Db.text(dataSource, "SHOW statement_timeout"));
        } else {
            assertEquals("30000", Db.text(dataSource,
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'"));
        }
    }

    /** V35: on H2 a sequence write stores every changed page, so identities reserve 1,000 values at a time; PostgreSQL keeps 1. */
    @Test
    void identityColumnsCacheTheirValuesOnH2Only() {
        for (String table : java.util.List.of("orders", "recipients", "deliveries", "webhook_messages", "reviews", "suppressions")) {
            if (PostgresSession.active()) {
                assertEquals(1, Db.count(dataSource, "SELECT cache_size FROM pg_sequences WHERE schemaname || '.' || sequencename = "
                        + "pg_get_serial_sequence('" + table + "', 'id')"), table);
            } else {
                assertEquals(1000, Db.count(dataSource, "SELECT identity_cache FROM information_schema.columns "
                        + "WHERE table_name = '" + table + "' AND column_name = 'id'"), table);
            }
        }
    }
}
