package io.pero.watchdog.sim;

/**
 * What the live system pays that a bare model of queues and workers does not: the watchdog's cycle, how soon it re-plans
 * after an event, how late a worker reports IDLE, how stale the management API's counts are, and the per-message time a
 * worker spends outside the processor (receive, parse, publish, confirm, ack).
 *
 * @param cycleSeconds          the periodic cycle ({@code interval})
 * @param eventLatencySeconds   from an event (queue filled or drained, worker reported IDLE) to the plan: half the queue
 *                              poll interval, the debounce, and reading the snapshot
 * @param idleReportSeconds     a worker writes IDLE this long after its last message
 * @param statsRefreshSeconds   the management API refreshes its counts this often
 * @param perMessageOverheadSeconds worker time per message on top of the processor's
 */
public record SimTiming(double cycleSeconds, double eventLatencySeconds, double idleReportSeconds, double statsRefreshSeconds,
                        double perMessageOverheadSeconds) {
    public SimTiming {
        if (!(cycleSeconds > 0) || eventLatencySeconds < 0 || idleReportSeconds < 0 || !(statsRefreshSeconds > 0)
                || perMessageOverheadSeconds < 0) {
            throw new IllegalArgumentException("cycle and refresh must be > 0, latencies and overhead >= 0");
        }
    }

    /** The watchdog's defaults (interval 10 s, queue polls every 0.5 s, debounce 0.3 s), the worker's 1.5 s IDLE delay, RabbitMQ's 5 s statistics. */
    public static SimTiming standard() {
        return new SimTiming(10, 0.6, 1.5, 5, 0);
    }

    public SimTiming withPerMessageOverhead(double seconds) {
        return new SimTiming(cycleSeconds, eventLatencySeconds, idleReportSeconds, statsRefreshSeconds, seconds);
    }
}
