package org.reviewgateway.gateway.retention;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Shows an operator that personal data is still being deleted: purge runs, rows purged and the end of the
 * last run, read from the purge_runs audit, so the figures include purges run by the standalone job.
 */
@Context
class PurgeMetrics {

    private final DataSource dataSource;

    PurgeMetrics(MeterRegistry registry, DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        FunctionCounter.builder("gateway.purge.runs", this, m -> m.read("SELECT COUNT(*) FROM purge_runs"))
                .description("Retention purges completed (by this process or the retention job)").register(registry);
        FunctionCounter.builder("gateway.purge.rows", this, m -> m.read("SELECT COALESCE(SUM(rows_purged), 0) FROM purge_runs"))
                .description("Personal-data rows deleted by the retention purge").register(registry);
        Gauge.builder("gateway.purge.last.success", this, m -> m.lastSuccessEpochSeconds())
                .description("When the last retention purge finished (Unix seconds; 0 before the first)")
                .baseUnit("seconds").register(registry);
    }

    private double read(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getDouble(1) : 0;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private double lastSuccessEpochSeconds() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MAX(finished_at) FROM purge_runs"); ResultSet rs = ps.executeQuery()) {
            Timestamp last = rs.next() ? rs.getTimestamp(1) : null;
            return last == null ? 0 : last.toInstant().getEpochSecond();
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
