import java.util.ArrayList;
import java.util.List;

/** The results table: figure, value, baseline, ratio, goal, met? — and the closing count of goals met. */
final class Report {

    record Row(String figure, String value, String baseline, double ratio, String goal, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** A figure judged by its ratio to a baseline: at least {@code goal} times it. */
    void atLeast(String figure, double value, String unit, String baselineName, double baseline, double goal) {
        double ratio = value / baseline;
        rows.add(new Row(figure, fmt(value) + " " + unit, baselineName + ": " + fmt(baseline) + " " + unit, ratio,
                "≥ " + goal + "×", ratio >= goal));
    }

    /** A figure judged by its ratio to a baseline: at most {@code goal} times it. */
    void atMost(String figure, double value, String unit, String baselineName, double baseline, double goal) {
        double ratio = value / baseline;
        rows.add(new Row(figure, fmt(value) + " " + unit, baselineName + ": " + fmt(baseline) + " " + unit, ratio,
                "≤ " + goal + "×", ratio <= goal));
    }

    /** A figure next to its baseline, reported without a goal. */
    void ratio(String figure, double value, String unit, String baselineName, double baseline) {
        rows.add(new Row(figure, fmt(value) + " " + unit, baselineName + ": " + fmt(baseline) + " " + unit, value / baseline, "report", null));
    }

    void goal(String figure, String value, String goal, boolean met) {
        rows.add(new Row(figure, value, "—", Double.NaN, goal, met));
    }

    void info(String figure, String value) {
        rows.add(new Row(figure, value, "—", Double.NaN, "report", null));
    }

    void print(String heading) {
        System.out.println();
        System.out.println(heading);
        System.out.println();
        System.out.println("| figure | value | baseline (same run) | ratio | goal | met? |");
        System.out.println("|---|---|---|---|---|---|");
        int judged = 0;
        int met = 0;
        for (Row r : rows) {
            String ratio = Double.isNaN(r.ratio()) ? "—" : String.format("%.2f×", r.ratio());
            String ok = r.met() == null ? "—" : (r.met() ? "yes" : "**no**");
            System.out.println("| " + r.figure() + " | " + r.value() + " | " + r.baseline() + " | " + ratio + " | " + r.goal() + " | " + ok + " |");
            if (r.met() != null) {
                judged++;
                met += r.met() ? 1 : 0;
            }
        }
        System.out.println();
        System.out.println("bench: " + met + " of " + judged + " goals met");
    }

    static String fmt(double v) {
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.2f", v);
    }
}
