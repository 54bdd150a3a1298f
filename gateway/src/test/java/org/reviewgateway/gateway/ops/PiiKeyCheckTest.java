package org.reviewgateway.gateway.ops;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The master key against the database it sealed: a changed or lost key stops start-up instead of silently
 * re-keying. On the embedded default only (the PostgreSQL run shares one database and one key).
 */
@DisabledIf("org.reviewgateway.gateway.support.PostgresSession#active")
class PiiKeyCheckTest {

    @TempDir
    Path dataDir;

    @Test
    void aKeyOtherThanTheOneTheDatabaseWasWrittenWithStopsStartUp() {
        start(Map.of("gateway.pii-key", key(1)));
        ConfigurationValidationTest.assertStartUpFailsMentioning(dataDir, Map.of("gateway.pii-key", key(2)), "GATEWAY_PII_KEY");
        start(Map.of("gateway.pii-key", key(1)));
    }

    @Test
    void aLostKeyFileBesideADatabaseWithDataStopsStartUpInsteadOfMakingANewKey() throws Exception {
        start(Map.of());
        Path keyFile = dataDir.resolve("pii.key");
        assertTrue(Files.exists(keyFile));
        Files.delete(keyFile);

        ConfigurationValidationTest.assertStartUpFailsMentioning(dataDir, Map.of(), "GATEWAY_PII_KEY");
        assertFalse(Files.exists(keyFile), "no new key was made");
    }

    @Test
    void theGeneratedKeyIsReadableByItsOwnerOnly() throws Exception {
        Path dir = dataDir.resolve("fresh");
        start(Map.of("gateway.data-dir", dir.toString()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pii.key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (var leftovers = Files.list(dir)) {
            assertTrue(leftovers.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary key file left");
        }
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    private void start(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("gateway.data-dir", dataDir.toString(), "micronaut.server.port", -1));
        all.putAll(properties);
        ApplicationContext.run(all, Environment.TEST).close();
    }

}
