package org.reviewgateway.gateway.web;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * ISO-8601 durations as the API writes them: whole days as {@code P7D}, anything else as
 * {@code PT12H}. Weeks ({@code P2W}) are read as days; months and years are refused because
 * their length varies.
 */
public final class IsoDurations {

    private static final long DAY = 86_400;

    private IsoDurations() {
    }

    public static Optional<Duration> parse(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException notADuration) {
            try {
                Period period = Period.parse(text);
                return period.getYears() == 0 && period.getMonths() == 0
                        ? Optional.of(Duration.ofDays(period.getDays()))
                        : Optional.empty();
            } catch (DateTimeParseException notAPeriod) {
                return Optional.empty();
            }
        }
    }

    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % DAY == 0 && seconds != 0 ? "P" + seconds / DAY + "D" : duration.toString();
    }
}
