package io.pero.worker.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.worker.stage.AssignmentDecision.Action;
import io.pero.worker.stage.AssignmentDecision.Served;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §6.3 steps 2–6: what a queue-znode notification means. */
class AssignmentDecisionTest {

    @ParameterizedTest(name = "stage=''{0}'' version={1} last_seen={2} -> {3}")
    @CsvSource({
            "ocr, 3, 2, ",
            "ocr, 2, 2, IGNORE_STALE",
            "ocr, 1, 2, IGNORE_STALE",
            "'',  3, 2, STOP",
            "'',  2, 2, IGNORE_STALE",
            "'', -1, 5, STOP",
            "ocr, 0, -1, "})
    void earlyLook(String stage, int version, int lastSeen, Action expected) {
        assertEquals(Optional.ofNullable(expected), AssignmentDecision.early(stage, version, lastSeen));
    }

    @ParameterizedTest(name = "stage={0} config_version=''{1}'' served={2}@{3} -> {4}")
    @CsvSource({
            "ocr, v1, ocr, v1, RUN_AGAIN",
            "ocr, v2, ocr, v1, SWITCH",
            "ocr, '', ocr, '', SWITCH",
            "lm,  v1, ocr, v1, SWITCH",
            "ocr, v1,    ,   , SWITCH"})
    void runAgainOnlyForTheSameStageAndNonEmptyVersion(String stage, String configVersion, String servedStage,
                                                        String servedVersion, Action expected) {
        Optional<Served> served = servedStage == null ? Optional.empty()
                : Optional.of(new Served(servedStage, servedVersion == null ? "" : servedVersion));
        assertEquals(expected, AssignmentDecision.decide(stage, configVersion == null ? "" : configVersion, served));
    }
}
