package io.pero.watchdog.sim;

import java.util.List;

/** {@code messages} tasks arriving together at {@code atSeconds}, each visiting {@code path} in order. */
public record Burst(double atSeconds, int messages, List<String> path) {
    public Burst {
        path = List.copyOf(path);
        if (atSeconds < 0 || messages <= 0 || path.isEmpty()) {
            throw new IllegalArgumentException("burst needs a time >= 0, messages > 0 and a non-empty path");
        }
    }
}
