package org.reviewgateway.gateway.ops;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.PostgresSession;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every pooled connection carries the statement timeout (DATABASE_STATEMENT_TIMEOUT, default 30 s). */
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
}
