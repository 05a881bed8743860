package io.pero.watchdog.snapshot;

import java.util.Objects;

/** Messages in one broker queue of vhost {@code pero}: ready plus unacknowledged when the management API answered. */
public record QueueDepth(String name, long messages) {
    public QueueDepth {
        Objects.requireNonNull(name, "name");
        if (messages < 0) {
            throw new IllegalArgumentException("negative message count for queue " + name);
        }
    }
}
