package io.pero.worker.stage;

import io.pero.common.status.WorkerStatus;
import io.pero.worker.metrics.WorkerMetrics;
import io.pero.worker.mq.ConsumerEvents;
import io.pero.worker.mq.ConsumerStarter;
import io.pero.worker.mq.MqUnavailableException;
import io.pero.worker.mq.StageConsumer;
import io.pero.worker.mq.StageQueueMissingException;
import io.pero.worker.processing.ProcessorContext;
import io.pero.worker.processing.ProcessorFactory;
import io.pero.worker.processing.RequestProcessor;
import io.pero.worker.zk.AssignmentListener;
import io.pero.worker.zk.StatusReporter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves whatever stage the {@code queue} znode names (spec §6.3): every event is handled on one control thread, so
 * switches never overlap. A switch stops consumption (finishing the message in hand), closes the old processor, installs
 * the stage data, builds the new processor and consumes again; "run again" (same stage and version) only resumes.
 */
public final class StageSwitcher implements AssignmentListener, ConsumerEvents {
    private static final Logger log = LoggerFactory.getLogger(StageSwitcher.class);

    /** Collaborators. */
    public record Parts(StatusReporter status, StageInstaller installer, ProcessorFactory factory,
                        ConsumerStarter consumers, Clock clock, WorkerMetrics metrics) {
        public Parts(StatusReporter status, StageInstaller installer, ProcessorFactory factory, ConsumerStarter consumers,
                     Clock clock) {
            this(status, installer, factory, consumers, clock, new WorkerMetrics(clock));
        }
    }

    private final Parts parts;
    private final ExecutorService control;
    private final Runnable shutdownRequest;
    private final Duration stopTimeout;
    // Owned by the control thread.
    private int lastSeenVersion = -1;
    private Active active;
    private boolean consumingWanted;
    private boolean stopped;
    // Failed configurations in a row of the stage assigned now (at lastSeenVersion); retried with back-off.
    private int configFailures;

    private static final class Active {
        final String stage;
        final String version;
        final RequestProcessor processor;
        StageConsumer consumer;

        Active(String stage, String version, RequestProcessor processor) {
            this.stage = stage;
            this.version = version;
            this.processor = processor;
        }
    }

    public StageSwitcher(Parts parts, ExecutorService control, Runnable shutdownRequest, Duration stopTimeout) {
        this.parts = parts;
        this.control = control;
        this.shutdownRequest = shutdownRequest;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public void queueAssigned(String stage, int version) {
        submit(() -> onQueue(stage, version));
    }

    @Override
    public void enabledChanged(Optional<String> value) {
        submit(() -> onEnabled(value));
    }

    @Override
    public void reconnected() {
        parts.status().reapply();
    }

    /** RabbitMQ is (again) connected: resume a stage that could not start consuming. */
    public void mqAvailable() {
        submit(() -> {
            if (!stopped && active != null && consumingWanted && !consuming()) {
                startConsumer();
            }
        });
    }

    @Override
    public void consumingEnded(StageConsumer consumer, String stage, EndReason reason) {
        submit(() -> {
            if (active == null || active.consumer != consumer) {
                return;
            }
            consumer.stop(stopTimeout);
            if (reason == EndReason.CANCELLED_BY_BROKER) {
                parts.status().set(WorkerStatus.CONFIGURATION_FAILED);
            } else if (reason == EndReason.CHANNEL_CLOSED) {
                parts.status().set(WorkerStatus.MQ_CONNECTION_FAILED);
            }
        });
    }

    private void onQueue(String stage, int version) {
        if (stopped) {
            return;
        }
        Optional<AssignmentDecision.Action> early = AssignmentDecision.early(stage, version, lastSeenVersion);
        if (early.isPresent()) {
            if (early.get() == AssignmentDecision.Action.STOP) {
                if (version < 0) {
                    // Differs from the original: a deleted queue node broke its callback; here it means "no stage", and
                    // a re-created node (version 0 again) is not mistaken for a stale notification.
                    lastSeenVersion = -1;
                }
                unassigned();
            } else {
                log.debug("stale queue notification ignored version={} last_seen={}", version, lastSeenVersion);
            }
            return;
        }
        lastSeenVersion = version;
        configFailures = 0;
        String configVersion = readConfigVersion(stage);
        Optional<AssignmentDecision.Served> served = Optional.ofNullable(active)
                .map(a -> new AssignmentDecision.Served(a.stage, a.version));
        if (AssignmentDecision.decide(stage, configVersion, served) == AssignmentDecision.Action.RUN_AGAIN) {
            runAgain();
        } else {
            switchTo(stage, configVersion);
        }
    }

    private String readConfigVersion(String stage) {
        try {
            return parts.installer().configVersion(stage);
        } catch (Exception e) {
            log.warn("stage config version unreadable stage={} cause={}; treating it as empty", stage, e.toString());
            return "";
        }
    }

    private void unassigned() {
        consumingWanted = false;
        if (active != null && active.consumer != null) {
            log.info("stage unassigned stage={}; stopping consumption", active.stage);
            active.consumer.stop(stopTimeout);
            active.consumer = null;
        }
        parts.status().setIf(EnumSet.of(WorkerStatus.PROCESSING, WorkerStatus.MQ_CONNECTION_FAILED), WorkerStatus.IDLE);
    }

    private void runAgain() {
        consumingWanted = true;
        if (parts.status().current() == WorkerStatus.PROCESSING_FAILED) {
            log.info("processing resumed after manual recovery stage={}", active.stage);
            parts.status().set(WorkerStatus.IDLE);
        }
        if (!consuming()) {
            startConsumer();
        }
    }

    private void switchTo(String stage, String version) {
        Instant t0 = parts.clock().instant();
        String from = active == null ? "" : active.stage;
        parts.status().set(WorkerStatus.CONFIGURING);
        releaseActive();
        try {
            ProcessorContext context = parts.installer().install(stage, version);
            active = new Active(stage, version, parts.factory().create(context));
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            // Native libraries and models fail with errors too (missing .so, no GPU memory): the stage fails, not the worker.
            parts.status().set(WorkerStatus.CONFIGURATION_FAILED);
            parts.status().clearActiveStage();
            parts.metrics().servingStage(Optional.empty());
            parts.installer().removeQuietly(stage);
            configurationFailed(stage, version, reason(e));
            return;
        }
        configFailures = 0;
        parts.status().clearConfigFailure();
        parts.installer().failures().succeeded(stage);
        Duration took = Duration.between(t0, parts.clock().instant());
        parts.status().recordSwitch(stage, took);
        parts.metrics().stageSwitched(stage, took);
        parts.status().set(WorkerStatus.IDLE);
        log.info("stage switched from={} to={} model_version={} took_ms={}", from, stage, version, took.toMillis());
        consumingWanted = true;
        startConsumer();
    }

    /**
     * Keeps the reason where operators and the watchdog look (the worker's {@code config_failure} node, the stage's
     * {@code config_failures} count) and tries again later, while the assignment stands.
     */
    // Differs from the original: it waited for the next rewrite of its queue node (every 10 s by the watchdog, §7.4).
    private void configurationFailed(String stage, String version, String reason) {
        configFailures++;
        Duration retryIn = ConfigRetryBackoff.after(configFailures, ConfigRetryBackoff.FIRST);
        log.error("stage configuration failed stage={} version={} attempt={} retry_in_s={} cause={}", stage, version,
                configFailures, retryIn.toSeconds(), reason);
        parts.status().recordConfigFailure(stage, version, reason);
        parts.installer().failures().failed(stage, version, reason);
        int assignment = lastSeenVersion;
        Executor later = CompletableFuture.delayedExecutor(retryIn.toMillis(), TimeUnit.MILLISECONDS, this::submit);
        later.execute(() -> {
            if (!stopped && active == null && lastSeenVersion == assignment) {
                log.info("stage configuration retried stage={} attempt={}", stage, configFailures + 1);
                switchTo(stage, readConfigVersion(stage));
            }
        });
    }

    private void startConsumer() {
        try {
            active.consumer = parts.consumers().start(active.stage, active.version, active.processor);
            parts.status().setIf(EnumSet.of(WorkerStatus.MQ_CONNECTION_FAILED, WorkerStatus.CONFIGURATION_FAILED),
                    WorkerStatus.IDLE);
        } catch (MqUnavailableException e) {
            parts.status().set(WorkerStatus.MQ_CONNECTION_FAILED);
            log.warn("consumption waits for rabbitmq stage={} cause={}", active.stage, e.getMessage());
        } catch (StageQueueMissingException e) {
            parts.status().set(WorkerStatus.CONFIGURATION_FAILED);
            log.error("stage cannot be served stage={} cause={}", active.stage, e.getMessage());
        } catch (IOException | RuntimeException e) {
            parts.status().set(WorkerStatus.MQ_CONNECTION_FAILED);
            log.warn("consumption not started stage={} cause={}", active.stage, e.toString());
        }
    }

    private boolean consuming() {
        return active != null && active.consumer != null && active.consumer.isRunning();
    }

    private void releaseActive() {
        if (active == null) {
            return;
        }
        if (active.consumer != null) {
            active.consumer.stop(stopTimeout);
        }
        try {
            active.processor.close();
        } catch (Exception e) {
            log.warn("processor not closed cleanly stage={} cause={}", active.stage, e.toString());
        }
        active = null;
    }

    private void onEnabled(Optional<String> value) {
        if (stopped) {
            return;
        }
        if (value.isEmpty()) {
            log.warn("enabled node deleted; ignoring (set it to false to shut the worker down)");
        } else if (!value.get().trim().equalsIgnoreCase("true")) { // Differs from the original: whitespace is ignored.
            log.info("shutdown requested via enabled node value={}", value.get().trim());
            shutdownRequest.run();
        }
    }

    /**
     * Stops for good: no more events are handled, consumption stops (the message in hand finishes, its publish is
     * confirmed and acked) and the processor is closed. Waits at most about {@code timeout}.
     */
    public void stop(Duration timeout) {
        Future<?> done;
        try {
            done = control.submit(() -> {
                stopped = true;
                releaseActive();
                parts.metrics().servingStage(Optional.empty());
            });
        } catch (RejectedExecutionException e) {
            return;
        }
        try {
            done.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("stage consumer not stopped cleanly cause={}", e.toString());
        }
    }

    private void submit(Runnable task) {
        try {
            control.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("event after shutdown ignored");
        }
    }

    private static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
