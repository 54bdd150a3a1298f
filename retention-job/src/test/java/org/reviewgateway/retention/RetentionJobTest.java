package org.reviewgateway.retention;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The command line's usage rules, before any database is touched. */
class RetentionJobTest {

    @Test
    void rewrapRunsAloneAndDryRunNeedsOnce() {
        assertEquals(2, new CommandLine(new RetentionJob()).execute("--rewrap", "--once"));
        assertEquals(2, new CommandLine(new RetentionJob()).execute("--rewrap", "--dry-run"));
        assertEquals(2, new CommandLine(new RetentionJob()).execute("--dry-run"));
    }
}
