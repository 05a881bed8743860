package io.pero.cli.stage;

import io.pero.common.zk.ZkCodecs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what {@code pero-stage-config} does, in the original's order of operations (spec §9.2). Pure: the time
 * comes in as an argument and nothing here talks to ZooKeeper, RabbitMQ or SFTP.
 */
public final class StagePlanner {
    static final String VERSION_NOW = "now";

    private StagePlanner() {
    }

    public static StagePlan plan(StageRequest r, Instant now) {
        List<StageStep> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (r.delete()) {
            planDelete(r, steps, warnings);
        } else {
            planCreateOrUpdate(r, now, steps, warnings);
        }
        return new StagePlan(steps, warnings, r.show(), r.list());
    }

    private static void planCreateOrUpdate(StageRequest r, Instant now, List<StageStep> steps, List<String> warnings) {
        if (r.keepConfig()) {
            warnings.add("--keep-config has no effect without --delete");
        }
        if (r.file().isPresent() && r.remotePath().isPresent()) {
            steps.add(new StageStep.UploadModel(r.file().get(), r.remotePath().get()));
        } else if (r.file().isPresent()) {
            warnings.add("--file " + r.file().get() + " not uploaded: no upload location (--remote-path) given");
        }
        if (r.name().isEmpty()) {
            warnIgnored(r, warnings, "without --name");
            return;
        }
        String stage = r.name().get();
        if (r.keepVersion() && r.version().isPresent()) {
            warnings.add("--version " + r.version().get() + " ignored: --keep-version given");
        }
        boolean changesVersionedData = r.version().isPresent() || r.remotePath().isPresent() || r.configText().isPresent();
        if (!r.keepVersion() && changesVersionedData) {
            steps.add(new StageStep.WriteVersion(stage, version(r.version(), now)));
        }
        r.remotePath().ifPresent(path -> steps.add(new StageStep.WriteConfigPath(stage, path)));
        r.configText().ifPresent(text -> steps.add(new StageStep.UploadConfig(stage, text.getBytes(StandardCharsets.UTF_8))));
        if (r.priority().isPresent()) {
            // Differs from the original: -a also creates the statistics nodes, so a new stage is schedulable (spec §12.14).
            steps.add(new StageStep.EnsureStatsNodes(stage));
            steps.add(new StageStep.WritePriority(stage, r.priority().getAsLong()));
        }
        r.workerLimits().ifPresent(limits -> {
            limits.min().ifPresent(n -> steps.add(new StageStep.WriteWorkerLimit(stage, true, n)));
            limits.max().ifPresent(n -> steps.add(new StageStep.WriteWorkerLimit(stage, false, n)));
        });
        steps.add(new StageStep.DeclareQueue(stage));
    }

    private static void planDelete(StageRequest r, List<StageStep> steps, List<String> warnings) {
        warnIgnored(r, warnings, "with --delete");
        String stage = r.name().orElse(null);
        if (stage != null && !r.keepConfig()) {
            steps.add(new StageStep.DeleteStageNodes(stage));
        }
        if (stage != null) {
            steps.add(new StageStep.DeleteQueue(stage));
        }
        boolean zkPathKnown = stage != null && !r.keepConfig();
        if (zkPathKnown || r.remotePath().isPresent()) {
            steps.add(new StageStep.RemoveModel(zkPathKnown ? stage : null, r.remotePath().orElse("")));
        }
    }

    /** The version to write: {@code -v} as given, or the current UTC time for {@code now} or no {@code -v}. */
    static String version(Optional<String> given, Instant now) {
        return given.filter(v -> !v.isEmpty() && !v.equals(VERSION_NOW)).orElseGet(() -> ZkCodecs.isoTime(now));
    }

    private static void warnIgnored(StageRequest r, List<String> warnings, String why) {
        List<String> ignored = new ArrayList<>();
        if (r.configText().isPresent()) {
            ignored.add("--config");
        }
        if (r.version().isPresent()) {
            ignored.add("--version");
        }
        if (r.priority().isPresent()) {
            ignored.add("--administrative-priority");
        }
        r.workerLimits().ifPresent(limits -> {
            if (limits.min().isPresent()) {
                ignored.add("--min-workers");
            }
            if (limits.max().isPresent()) {
                ignored.add("--max-workers");
            }
        });
        if (r.delete() && r.file().isPresent()) {
            ignored.add("--file");
        }
        if (!r.delete() && r.remotePath().isPresent() && r.file().isEmpty()) {
            ignored.add("--remote-path");
        }
        if (!ignored.isEmpty()) {
            warnings.add(String.join(", ", ignored) + " ignored " + why);
        }
    }
}
