package io.pero.cli.stage;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The validated options of one {@code pero-stage-config} run (spec §9.2). {@code configText} is the content of
 * {@code -c FILE}, already read; {@code version} is the {@code -v} value as given (possibly {@code now}).
 */
public record StageRequest(Optional<String> name, Optional<String> configText, Optional<String> version, boolean keepVersion,
                           Optional<String> remotePath, Optional<Path> file, OptionalLong priority, Optional<String> show,
                           boolean list, boolean delete, boolean keepConfig, Optional<WorkerLimits> workerLimits) {

    /**
     * Extension: {@code --min-workers}/{@code --max-workers}. Each is empty when not given; a given
     * {@link OptionalInt#empty()} clears the limit ({@code none}).
     */
    public record WorkerLimits(Optional<OptionalInt> min, Optional<OptionalInt> max) {
    }

    public StageRequest(Optional<String> name, Optional<String> configText, Optional<String> version, boolean keepVersion,
                        Optional<String> remotePath, Optional<Path> file, OptionalLong priority, Optional<String> show,
                        boolean list, boolean delete, boolean keepConfig) {
        this(name, configText, version, keepVersion, remotePath, file, priority, show, list, delete, keepConfig,
                Optional.empty());
    }

    /** True when the run asks for nothing at all. */
    public boolean isEmpty() {
        return name.isEmpty() && remotePath.isEmpty() && file.isEmpty() && show.isEmpty() && !list;
    }
}
