package io.pero.watchdog.plan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** New content of a stage's {@code waiting_since}: a time when it starts waiting for a worker, empty to clear it. */
public record WaitingSinceChange(String stage, Optional<Instant> value) {
    public WaitingSinceChange {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(value, "value");
    }
}
