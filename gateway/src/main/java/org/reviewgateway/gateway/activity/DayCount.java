package org.reviewgateway.gateway.activity;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** How many of something happened on one day (UTC), as a feature's per-day query reads it. */
@Introspected
public record DayCount(long epochDay, long events) {

    /**
     * Per-day counts of the rows of a query that selects one timestamp as {@code happened_at}: the UTC day as days since
     * 1970-01-01, spelled the same for H2 and PostgreSQL.
     */
    public static final String PER_DAY_OF_HAPPENED_AT = """
            SELECT epoch_day, COUNT(*) AS events FROM (
              SELECT CAST(FLOOR(EXTRACT(EPOCH FROM happened_at) / 86400) AS BIGINT) AS epoch_day FROM (""";
    public static final String END_PER_DAY = ") timed) days GROUP BY epoch_day";

    public LocalDate day() {
        return LocalDate.ofEpochDay(epochDay);
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
