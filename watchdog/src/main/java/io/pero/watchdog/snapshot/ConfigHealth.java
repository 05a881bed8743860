package io.pero.watchdog.snapshot;

import io.pero.common.zk.StageConfigFailures;
import java.util.Objects;

/**
 * A stage's configuration record (extension): its current {@code config_version} and the failed configurations workers
 * counted in {@code config_failures} (at whatever version they failed).
 */
public record ConfigHealth(String currentVersion, StageConfigFailures failures) {
    public ConfigHealth {
        Objects.requireNonNull(currentVersion, "currentVersion");
        Objects.requireNonNull(failures, "failures");
    }
}
