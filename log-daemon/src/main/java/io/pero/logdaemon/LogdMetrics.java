package io.pero.logdaemon;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * The log daemon's Prometheus metrics (README, Metrics): lines and bytes written, rotations, and its lag: lines written
 * but not yet acked, and when the last line was written ({@code time() - pero_logd_last_write_timestamp_seconds} is how
 * long nothing arrived). One per daemon. Thread-safe.
 */
final class LogdMetrics {
    private final PrometheusRegistry registry;
    private final Clock clock;
    private final Counter lines;
    private final Counter bytes;
    private final Counter rotations;
    private final Gauge lastWrite;

    LogdMetrics(Clock clock) {
        this(clock, new PrometheusRegistry());
    }

    LogdMetrics(Clock clock, PrometheusRegistry registry) {
        this.clock = clock;
        this.registry = registry;
        lines = Counter.builder().name("pero_logd_lines_written_total").help("Log lines written to the log files")
                .register(registry);
        bytes = Counter.builder().name("pero_logd_written_bytes_total")
                .help("Bytes written to the log files (UTF-8, with newlines)").register(registry);
        rotations = Counter.builder().name("pero_logd_rotations_total")
                .help("Log files closed because their rotation period ended").register(registry);
        lastWrite = Gauge.builder().name("pero_logd_last_write_timestamp_seconds").unit(Unit.SECONDS)
                .help("Unix time the last line was written; 0 before the first").register(registry);
    }

    PrometheusRegistry registry() {
        return registry;
    }

    void written(long lineBytes) {
        lines.inc();
        bytes.inc(lineBytes);
        lastWrite.set(clock.millis() / 1e3);
    }

    void rotated() {
        rotations.inc();
    }

    /** Lines written and not yet acknowledged (they come back if the daemon dies now). */
    void unacked(LongSupplier count) {
        GaugeWithCallback.builder().name("pero_logd_unacked_lines")
                .help("Lines written to the file but not yet acknowledged to RabbitMQ")
                .callback(cb -> cb.call(count.getAsLong())).register(registry);
    }
}
