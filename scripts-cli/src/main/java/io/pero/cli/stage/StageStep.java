package io.pero.cli.stage;

import java.nio.file.Path;
import java.util.Arrays;

/** One change {@code pero-stage-config} makes, in execution order (spec §9.2). */
public sealed interface StageStep {
    /** Puts the local model archive on SFTP, creating parent directories. */
    record UploadModel(Path local, String remotePath) implements StageStep {
    }

    /** Writes {@code config_version} (text). */
    record WriteVersion(String stage, String version) implements StageStep {
    }

    /** Writes {@code config_path} (text). */
    record WriteConfigPath(String stage, String remotePath) implements StageStep {
    }

    /**
     * Writes {@code config} and ensures {@code config_path}, {@code avg_msg_time}, {@code waiting_since} and
     * {@code administrative_priority} (0 when missing or zero), as {@code -c} does.
     */
    record UploadConfig(String stage, byte[] config) implements StageStep {
        @Override
        public boolean equals(Object o) {
            return o instanceof UploadConfig u && u.stage.equals(stage) && Arrays.equals(u.config, config);
        }

        @Override
        public int hashCode() {
            return 31 * stage.hashCode() + Arrays.hashCode(config);
        }

        @Override
        public String toString() {
            return "UploadConfig[stage=" + stage + ", bytes=" + config.length + "]";
        }
    }

    /** Ensures {@code avg_msg_time} and {@code waiting_since}, so the watchdog can schedule the stage. */
    record EnsureStatsNodes(String stage) implements StageStep {
    }

    /** Writes {@code administrative_priority} (unsigned big-endian). */
    record WritePriority(String stage, long priority) implements StageStep {
    }

    /**
     * Extension: writes {@code min_workers} or {@code max_workers} (decimal text; empty = no limit), the watchdog's
     * per-stage limits.
     */
    record WriteWorkerLimit(String stage, boolean minimum, java.util.OptionalInt workers) implements StageStep {
    }

    /** Declares the stage's queue through {@code QueueTopology}. */
    record DeclareQueue(String stage) implements StageStep {
    }

    /** Deletes {@code /pero/queue/<stage>} recursively. */
    record DeleteStageNodes(String stage) implements StageStep {
    }

    /** Deletes the stage's queue, even when it holds messages. */
    record DeleteQueue(String stage) implements StageStep {
    }

    /**
     * Removes the model archive from SFTP and prunes empty parents. The path is the stage's {@code config_path} as it was
     * before this run (when {@code stage} is set and that value is non-empty), else {@code fallbackPath} ({@code -r}).
     */
    record RemoveModel(String stage, String fallbackPath) implements StageStep {
    }
}
