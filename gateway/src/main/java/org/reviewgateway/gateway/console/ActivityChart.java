package org.reviewgateway.gateway.console;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overview's bar chart drawn as SVG by the page template: per day, invitations sent beside reviews received, on one
 * scale. Only numbers and dates go into it; the same figures are in the table below it for screen readers.
 */
final class ActivityChart {

    static final int WIDTH = 660;
    static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 650;
    private static final int TOP = 12;
    private static final int BASELINE = 204;
    private static final int BAR_WIDTH = 7;
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private ActivityChart() {
    }

    static Map<String, Object> of(ConsoleOverview.Activity activity) {
        List<ConsoleOverview.Day> days = activity.days();
        long max = 1;
        for (ConsoleOverview.Day day : days) {
            max = Math.max(max, Math.max(day.invitesSent(), day.reviews()));
        }
        double slot = (double) (RIGHT - LEFT) / days.size();
        List<Map<String, Object>> bars = new ArrayList<>();
        List<Map<String, Object>> labels = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            ConsoleOverview.Day day = days.get(i);
            double x = LEFT + i * slot;
            bars.add(bar("sent", x + slot / 2 - BAR_WIDTH, day.invitesSent(), max));
            bars.add(bar("reviews", x + slot / 2, day.reviews(), max));
            if (i % 5 == 4 || i == days.size() - 1) {
                labels.add(Map.of("x", format(x + slot / 2), "text", DAY_LABEL.format(day.date())));
            }
        }
        return Map.of("width", WIDTH, "height", HEIGHT, "left", LEFT, "right", RIGHT, "top", TOP, "baseline", BASELINE,
                "max", max, "labelY", BASELINE + 22, "bars", bars, "labels", labels);
    }

    private static Map<String, Object> bar(String series, double x, long value, long max) {
        double height = (double) value * (BASELINE - TOP) / max;
        return Map.of("series", series, "x", format(x), "y", format(BASELINE - height), "width", BAR_WIDTH, "height", format(height));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
