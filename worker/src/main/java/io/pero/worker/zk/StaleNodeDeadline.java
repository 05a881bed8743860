package io.pero.worker.zk;

import java.time.Duration;

/**
 * When a {@code connected} node left by a crashed worker has expired at the latest. Pure. A session expires a session
 * timeout after the server last heard of it, and a ZooKeeper server that starts (a restart, or a new leader in an
 * ensemble) gives every session it loads, dead ones too, a full timeout again from then. So the deadline starts at the
 * wait's start and moves to "now + wait" whenever our client reconnects: a reconnect is how a client sees that the server
 * may have done so.
 */
final class StaleNodeDeadline {
    private final long waitNanos;
    private long deadlineNanos;

    StaleNodeDeadline(long nowNanos, Duration wait) {
        this.waitNanos = wait.toNanos();
        this.deadlineNanos = nowNanos + waitNanos;
    }

    /** Our client reconnected at {@code nowNanos}: the stale session may have been given a full timeout again. */
    synchronized void reconnected(long nowNanos) {
        deadlineNanos = Math.max(deadlineNanos, nowNanos + waitNanos);
    }

    /** Time left at {@code nowNanos}; zero once the deadline has passed. */
    synchronized Duration remaining(long nowNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - nowNanos));
    }
}
