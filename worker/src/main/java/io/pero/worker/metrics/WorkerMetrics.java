package io.pero.worker.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The worker's counters: the shutdown summary line and the Prometheus metrics served on {@code /metrics} (README,
 * Metrics). One instance per worker, with its own registry, so several workers in one JVM (tests) do not mix. Thread-safe.
 */
public final class WorkerMetrics {
    /** Processing times: a DUMMY stage takes milliseconds, an OCR page seconds to minutes. */
    private static final double[] PROCESSING_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600};
    private static final double[] SWITCH_BUCKETS = {0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600};

    private final Clock clock;
    private final Instant started;
    private final PrometheusRegistry registry;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicReference<String> currentStage = new AtomicReference<>();
    private final Counter processedTotal;
    private final Counter failedTotal;
    private final Counter parkedTotal;
    private final Histogram processingSeconds;
    private final Gauge stageGauge;
    private final Counter switchesTotal;
    private final Histogram switchSeconds;
    private final Counter downloadBytes;
    private final Counter downloadSeconds;
    private final Gauge inProgress;

    /** Counters only, registered nowhere (tests, benchmarks). */
    public WorkerMetrics(Clock clock) {
        this(clock, new PrometheusRegistry());
    }

    public WorkerMetrics(Clock clock, PrometheusRegistry registry) {
        this.clock = clock;
        this.started = clock.instant();
        this.registry = registry;
        processedTotal = Counter.builder().name("pero_worker_requests_processed_total")
                .help("Requests processed successfully and forwarded, per stage").labelNames("stage").register(registry);
        failedTotal = Counter.builder().name("pero_worker_requests_failed_total")
                .help("Requests whose processing failed (forwarded to the output queue as failed), per stage")
                .labelNames("stage").register(registry);
        parkedTotal = Counter.builder().name("pero_worker_messages_parked_total")
                .help("Messages published to the error queue pero.errors, per stage they came from")
                .labelNames("stage").register(registry);
        processingSeconds = Histogram.builder().name("pero_worker_processing_seconds")
                .help("Time the stage's processor took per request, per stage").unit(Unit.SECONDS)
                .classicUpperBounds(PROCESSING_BUCKETS).classicOnly().labelNames("stage").register(registry);
        stageGauge = Gauge.builder().name("pero_worker_stage")
                .help("1 for the stage the worker serves now; no series while it serves none").labelNames("stage")
                .register(registry);
        switchesTotal = Counter.builder().name("pero_worker_stage_switches_total")
                .help("Completed switches to a new stage or model version").register(registry);
        switchSeconds = Histogram.builder().name("pero_worker_stage_switch_seconds")
                .help("Time a stage switch took (stop, model download, processor build)").unit(Unit.SECONDS)
                .classicUpperBounds(SWITCH_BUCKETS).classicOnly().register(registry);
        downloadBytes = Counter.builder().name("pero_worker_model_download_bytes_total")
                .help("Bytes of stage model archives downloaded from SFTP").register(registry);
        downloadSeconds = Counter.builder().name("pero_worker_model_download_seconds_total")
                .help("Time spent downloading and extracting stage model archives").register(registry);
        inProgress = Gauge.builder().name("pero_worker_requests_in_progress")
                .help("Requests being processed now").register(registry);
    }

    /** The registry {@code /metrics} serves. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Connection states as gauges ({@code 1} connected): read at scrape time, never stored. */
    public void connectionStates(Map<String, BooleanSupplier> services) {
        GaugeWithCallback.builder().name("pero_worker_connected")
                .help("1 while the worker is connected to the service, else 0").labelNames("service")
                .callback(cb -> services.forEach((name, up) -> cb.call(up.getAsBoolean() ? 1 : 0, name)))
                .register(registry);
    }

    public void processingStarted() {
        inProgress.inc();
    }

    public void processingEnded() {
        inProgress.dec();
    }

    public void processed(String stage, double seconds) {
        processed.incrementAndGet();
        processedTotal.labelValues(stage).inc();
        processingSeconds.labelValues(stage).observe(seconds);
    }

    public void failed(String stage, double seconds) {
        failed.incrementAndGet();
        failedTotal.labelValues(stage).inc();
        processingSeconds.labelValues(stage).observe(seconds);
    }

    /** A message from {@code stage}'s queue went to the error queue. */
    public void parked(String stage) {
        parked.incrementAndGet();
        parkedTotal.labelValues(stage).inc();
    }

    /** The worker now serves {@code stage}; the switch took {@code took}. */
    public void stageSwitched(String stage, Duration took) {
        servingStage(Optional.of(stage));
        switchesTotal.inc();
        switchSeconds.observe(took.toNanos() / 1e9);
    }

    /** The stage served now, or none (configuration failed, shut down). */
    public void servingStage(Optional<String> stage) {
        String previous = currentStage.getAndSet(stage.orElse(null));
        if (previous != null && !previous.equals(stage.orElse(null))) {
            stageGauge.remove(previous);
        }
        stage.ifPresent(s -> stageGauge.labelValues(s).set(1));
    }

    public Optional<String> currentStage() {
        return Optional.ofNullable(currentStage.get());
    }

    public void modelDownloaded(long bytes, Duration took) {
        downloadBytes.inc(bytes);
        downloadSeconds.inc(took.toNanos() / 1e9);
    }

    public long processedCount() {
        return processed.get();
    }

    public long failedCount() {
        return failed.get();
    }

    public long parkedCount() {
        return parked.get();
    }

    public Duration uptime() {
        return Duration.between(started, clock.instant());
    }
}
