package org.reviewgateway.retention;

import java.time.Instant;

/**
 * What one purge did (or, dry, would do): counts only, never an address.
 *
 * @param leaseHeldElsewhere another purge was running, so this one did nothing
 */
public record PurgeReport(Instant cutoff, long rowsPurged, int batches, boolean dryRun, boolean leaseHeldElsewhere) {

    public String summary() {
        if (leaseHeldElsewhere) {
            return "retention purge skipped: another purge is running";
        }
        return (dryRun ? "retention purge (dry run): would purge " : "retention purge: purged ")
                + rowsPurged + " personal-data rows in " + batches + " batches (cutoff " + cutoff + ")";
    }
}
