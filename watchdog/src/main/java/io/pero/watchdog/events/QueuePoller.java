package io.pero.watchdog.events;

import io.pero.common.mq.depth.QueueDepthSource;
import io.pero.common.mq.depth.QueueDepth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the stage queues' ready counts (AMQP passive declares: instant, unlike the management API's statistics) and
 * signals when one fills or drains. The stages are those of the last snapshot.
 */
public final class QueuePoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueuePoller.class);

    private final QueueDepthSource depths;
    private final Supplier<List<String>> stages;
    private final ReplanTrigger trigger;
    private final QueueTransitions transitions = new QueueTransitions();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pero-watchdog-queue-poll");
        t.setDaemon(true);
        return t;
    });
    private boolean failing;

    public QueuePoller(QueueDepthSource depths, Supplier<List<String>> stages, ReplanTrigger trigger) {
        this.depths = depths;
        this.stages = stages;
        this.trigger = trigger;
    }

    public void start(Duration interval) {
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            List<String> names = stages.get();
            if (names.isEmpty()) {
                return;
            }
            Map<String, Long> ready = depths.read(names).stream()
                    .collect(Collectors.toMap(QueueDepth::name, QueueDepth::ready, (a, b) -> a));
            transitions.update(ready).forEach(trigger::signal);
            if (failing) {
                failing = false;
                log.info("queue polling works again");
            }
        } catch (Exception e) {
            // The periodic cycle still runs; only the early re-plans on queue changes are missed meanwhile.
            if (!failing) {
                failing = true;
                log.warn("queue polling failed; re-planning on queue changes paused cause={}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        depths.close();
    }
}
