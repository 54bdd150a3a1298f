package org.reviewgateway.retention;

/**
 * Command-line entry of the standalone retention job. The purge itself arrives with the retention
 * issue; until then this only says so and never pretends to purge.
 */
public final class RetentionJob {

    static final String USAGE = """
            usage: java -jar retention-job.jar --once [--dry-run] [--as-of <instant>]
            The purge of expired personal data is not implemented yet; nothing was purged.""";

    private RetentionJob() {
    }

    public static void main(String[] args) {
        System.err.println(USAGE);
        System.exit(2);
    }
}
