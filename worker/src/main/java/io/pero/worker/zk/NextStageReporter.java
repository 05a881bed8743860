package io.pero.worker.zk;

import io.pero.common.zk.NextStages;
import io.pero.common.zk.ZkPaths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts where the requests this worker processed went next, per stage, and writes the counts to the extension node
 * {@code /pero/queue/<stage>/next_stages} (see {@link NextStages}): at once when a next stage shows up that was not in the
 * counts, otherwise at most every {@link #WRITE_EVERY_NANOS}. The watchdog learns the pipeline order from it. Counts are
 * halved when they pass {@link #WINDOW}, so a stage whose requests now go elsewhere shows it within a few dozen messages.
 * Writes run on their own thread; the processing thread only counts.
 */
// Differs from the original: next_stages is an extension node; Python tools ignore it.
public final class NextStageReporter {
    static final long WINDOW = 40;
    static final long WRITE_EVERY_NANOS = 5_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(NextStageReporter.class);

    private final CuratorFramework zk;
    private final ExecutorService writer;
    private final LongSupplier nanoTime;
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final Map<String, Long> lastWrite = new LinkedHashMap<>();

    public NextStageReporter(CuratorFramework zk, ExecutorService writer) {
        this(zk, writer, System::nanoTime);
    }

    NextStageReporter(CuratorFramework zk, ExecutorService writer, LongSupplier nanoTime) {
        this.zk = zk;
        this.writer = writer;
        this.nanoTime = nanoTime;
    }

    /** A request processed at {@code stage} went on to {@code next} (a stage or the output queue). */
    public void record(String stage, String next) {
        Map<String, Long> snapshot = count(stage, next);
        if (snapshot != null) {
            try {
                writer.execute(() -> write(stage, snapshot));
            } catch (RejectedExecutionException e) {
                log.debug("next stages not written after shutdown stage={}", stage);
            }
        }
    }

    /** Counts the hop; returns the counts to write now, or null. Pure apart from the clock; for tests. */
    synchronized Map<String, Long> count(String stage, String next) {
        Map<String, Long> c = counts.computeIfAbsent(stage, s -> new LinkedHashMap<>());
        boolean newcomer = !c.containsKey(next);
        c.merge(next, 1L, Long::sum);
        if (c.values().stream().mapToLong(Long::longValue).sum() > WINDOW) {
            c.replaceAll((k, v) -> v / 2);
            c.values().removeIf(v -> v == 0);
        }
        long now = nanoTime.getAsLong();
        Long last = lastWrite.get(stage);
        if (newcomer || last == null || now - last >= WRITE_EVERY_NANOS) {
            lastWrite.put(stage, now);
            return Map.copyOf(new LinkedHashMap<>(c));
        }
        return null;
    }

    private void write(String stage, Map<String, Long> snapshot) {
        try {
            // The stage node exists while the stage is configured; a deleted stage gets no stray node.
            if (zk.checkExists().forPath(ZkPaths.stage(stage)) != null) {
                zk.create().orSetData().forPath(ZkPaths.stageNextStages(stage), NextStages.format(snapshot));
            }
        } catch (Exception e) {
            log.debug("next stages not written stage={} cause={}", stage, e.toString());
        }
    }
}
