package io.pero.cli.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.cli.stage.StageStep.DeclareQueue;
import io.pero.cli.stage.StageStep.DeleteQueue;
import io.pero.cli.stage.StageStep.DeleteStageNodes;
import io.pero.cli.stage.StageStep.EnsureStatsNodes;
import io.pero.cli.stage.StageStep.RemoveModel;
import io.pero.cli.stage.StageStep.UploadConfig;
import io.pero.cli.stage.StageStep.UploadModel;
import io.pero.cli.stage.StageStep.WriteConfigPath;
import io.pero.cli.stage.StageStep.WritePriority;
import io.pero.cli.stage.StageStep.WriteVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StagePlannerTest {
    private static final Instant NOW = Instant.parse("2023-08-07T10:11:12.123456Z");
    private static final String NOW_TEXT = "2023-08-07T10:11:12.123456+00:00";

    /** A request builder: only what a test sets differs from "nothing given". */
    private static final class R {
        String name;
        String config;
        String version;
        boolean keepVersion;
        String remote;
        Path file;
        Long priority;
        boolean delete;
        boolean keepConfig;

        StageRequest build() {
            return new StageRequest(Optional.ofNullable(name), Optional.ofNullable(config), Optional.ofNullable(version),
                    keepVersion, Optional.ofNullable(remote), Optional.ofNullable(file),
                    priority == null ? OptionalLong.empty() : OptionalLong.of(priority), Optional.empty(), false, delete,
                    keepConfig);
        }

        List<StageStep> steps() {
            return StagePlanner.plan(build(), NOW).steps();
        }
    }

    private static UploadConfig config(String stage, String text) {
        return new UploadConfig(stage, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nameAloneOnlyDeclaresTheQueue() {
        R r = new R();
        r.name = "out";
        assertEquals(List.of(new DeclareQueue("out")), r.steps());
    }

    @Test
    void configWritesTheCurrentTimeAsVersionThenTheConfigThenDeclares() {
        R r = new R();
        r.name = "ocr";
        r.config = "[WORKER]\n";
        assertEquals(List.of(new WriteVersion("ocr", NOW_TEXT), config("ocr", "[WORKER]\n"), new DeclareQueue("ocr")), r.steps());
    }

    @Test
    void versionNowMeansTheCurrentTimeAndAnyOtherTextIsKept() {
        R now = new R();
        now.name = "ocr";
        now.version = "now";
        assertEquals(List.of(new WriteVersion("ocr", NOW_TEXT), new DeclareQueue("ocr")), now.steps());
        R given = new R();
        given.name = "ocr";
        given.version = "v7";
        assertEquals(List.of(new WriteVersion("ocr", "v7"), new DeclareQueue("ocr")), given.steps());
    }

    @Test
    void keepVersionWritesEverythingButTheVersion() {
        R r = new R();
        r.name = "ocr";
        r.version = "v7";
        r.keepVersion = true;
        r.remote = "pero/m.tar.xz";
        r.config = "c";
        StagePlan plan = StagePlanner.plan(r.build(), NOW);
        assertEquals(List.of(new WriteConfigPath("ocr", "pero/m.tar.xz"), config("ocr", "c"), new DeclareQueue("ocr")), plan.steps());
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("--keep-version")), plan.warnings().toString());
    }

    @Test
    void everyCreateOptionInTheOriginalsOrder() {
        R r = new R();
        r.name = "ocr";
        r.version = "v1";
        r.remote = "pero/ocr/model.tar.xz";
        r.file = Path.of("model.tar.xz");
        r.config = "cfg";
        r.priority = 3L;
        assertEquals(List.of(
                new UploadModel(Path.of("model.tar.xz"), "pero/ocr/model.tar.xz"),
                new WriteVersion("ocr", "v1"),
                new WriteConfigPath("ocr", "pero/ocr/model.tar.xz"),
                config("ocr", "cfg"),
                new EnsureStatsNodes("ocr"),
                new WritePriority("ocr", 3),
                new DeclareQueue("ocr")), r.steps());
    }

    @Test
    void priorityOnANewStageAlsoCreatesTheStatisticsNodes() {
        R r = new R();
        r.name = "ocr";
        r.priority = 0L;
        assertEquals(List.of(new EnsureStatsNodes("ocr"), new WritePriority("ocr", 0), new DeclareQueue("ocr")), r.steps());
    }

    @Test
    void fileWithoutRemotePathIsOnlyAWarning() {
        R r = new R();
        r.file = Path.of("model.tar.xz");
        StagePlan plan = StagePlanner.plan(r.build(), NOW);
        assertEquals(List.of(), plan.steps());
        assertTrue(plan.warnings().get(0).contains("--remote-path"), plan.warnings().toString());
    }

    @Test
    void uploadWithoutNameOnlyUploads() {
        R r = new R();
        r.file = Path.of("m");
        r.remote = "pero/m";
        assertEquals(List.of(new UploadModel(Path.of("m"), "pero/m")), r.steps());
    }

    @Test
    void deleteRemovesConfigThenQueueThenTheModelNamedInZooKeeperOrByRemotePath() {
        R r = new R();
        r.name = "ocr";
        r.delete = true;
        r.remote = "pero/fallback";
        assertEquals(List.of(new DeleteStageNodes("ocr"), new DeleteQueue("ocr"), new RemoveModel("ocr", "pero/fallback")), r.steps());
    }

    @Test
    void deleteWithKeepConfigDeletesOnlyTheQueue() {
        R r = new R();
        r.name = "ocr";
        r.delete = true;
        r.keepConfig = true;
        assertEquals(List.of(new DeleteQueue("ocr")), r.steps());
    }

    @Test
    void deleteOfARemotePathAloneRemovesThatFile() {
        R r = new R();
        r.delete = true;
        r.remote = "pero/x.tar";
        assertEquals(List.of(new RemoveModel(null, "pero/x.tar")), r.steps());
    }
}
