package io.pero.watchdog.plan;

/**
 * One stage's backlog as the default policy weighs it: {@code work} is messages × seconds per message × (administrative
 * priority + 1), in weighted worker-seconds; {@code serving} is how many workers it has, updated as the policy plans.
 */
final class StageLoad {
    final String stage;
    final long messages;
    final double work;
    final int min;
    final int max;
    /**
     * Messages wait in the queue (fresh ready count) or are known to be on their way from upstream: the stage needs its
     * workers now, so a busy worker's {@code unlock_time} holds. Messages only held by its workers do not.
     */
    final boolean pressing;
    /** One of its workers reports PROCESSING: it still works off what it holds (and what comes back when others leave). */
    final boolean processing;
    int serving;

    StageLoad(String stage, long messages, double work, int min, int max, int serving) {
        this(stage, messages, work, min, max, serving, work > 0, false);
    }

    StageLoad(String stage, long messages, double work, int min, int max, int serving, boolean pressing, boolean processing) {
        this.stage = stage;
        this.messages = messages;
        this.work = work;
        this.min = min;
        this.max = max;
        this.serving = serving;
        this.pressing = pressing;
        this.processing = processing;
    }

    boolean hasWork() {
        return work > 0;
    }

    /** Seconds until the backlog is gone with {@code workers} workers; infinite when there is work and nobody. */
    double drainTime(int workers) {
        if (!hasWork()) {
            return 0;
        }
        return workers <= 0 ? Double.POSITIVE_INFINITY : work / workers;
    }

    double drainTime() {
        return drainTime(serving);
    }

    /**
     * The drain time after one more worker joins, which helps only once it has switched ({@code cost} seconds): until then
     * the others work alone; afterwards all share what is left. A backlog the others finish within {@code cost} gains nothing.
     */
    double drainTimeWithNewcomer(double cost) {
        if (!hasWork()) {
            return 0;
        }
        if (serving > 0 && drainTime() <= cost) {
            return drainTime();
        }
        return cost + (work - serving * cost) / (serving + 1);
    }

    boolean hasRoom() {
        return serving < max;
    }

    /**
     * Whether one worker may leave: never below the minimum, never the last one while there is work or one of its workers
     * still processes (a worker that leaves gives its prefetched messages back to the queue; someone must stay for them).
     */
    boolean canGiveWorker() {
        return serving - 1 >= Math.max(min, hasWork() || processing ? 1 : 0);
    }
}
