package org.reviewgateway.gateway.jar;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after the whole unit and HTTP suite, on H2 and on PostgreSQL (failsafe follows surefire), and
 * reads everything the gateway logged during both: not one customer address may appear.
 */
class SuiteLogPrivacyIT {

    static final Pattern TEST_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@example\\.(org|com)", Pattern.CASE_INSENSITIVE);

    @Test
    void theSuitesLogsHoldNoCustomerAddress() throws Exception {
        for (String database : List.of("h2", "postgres")) {
            Path log = Path.of("target/test-gateway-" + database + ".log");
            assertTrue(Files.size(log) > 0, "the suite's log on " + database + " exists");
            List<String> leaks = Files.readAllLines(log).stream().filter(line -> TEST_ADDRESS.matcher(line).find()).toList();
            assertEquals(List.of(), leaks, database);
        }
    }
}
