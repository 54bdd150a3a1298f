package org.reviewgateway.gateway.dispatch;

import java.util.EnumMap;
import java.util.Map;

/** Counts of one dispatch run, for logs and tests. Never holds an address. */
public final class DispatchReport {

    private final Map<DispatchOutcome, Integer> counts = new EnumMap<>(DispatchOutcome.class);

    void add(DispatchOutcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    public int count(DispatchOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
