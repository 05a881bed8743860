package io.pero.common.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WorkerStatusTest {

    @ParameterizedTest
    @EnumSource(WorkerStatus.class)
    void everyStatusParsesFromItsWireString(WorkerStatus status) {
        assertEquals(Optional.of(status), WorkerStatus.parse(status.wire()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"RECONFIGURING, CONFIGURING", "FAILED, PROCESSING_FAILED", "' IDLE ', IDLE"})
    void aliasesOfTheOriginalAreAccepted(String wire, WorkerStatus expected) {
        assertEquals(Optional.of(expected), WorkerStatus.parse(wire));
    }

    @Test
    void unknownOrMissingTextIsEmpty() {
        assertEquals(Optional.empty(), WorkerStatus.parse("idle"));
        assertEquals(Optional.empty(), WorkerStatus.parse(""));
        assertEquals(Optional.empty(), WorkerStatus.parse(null));
    }

    @Test
    void aWorkerWithoutItsEphemeralNodeIsZkConnectionFailedUnlessDead() {
        assertEquals(WorkerStatus.ZK_CONNECTION_FAILED, WorkerStatus.effective(WorkerStatus.IDLE, false));
        assertEquals(WorkerStatus.DEAD, WorkerStatus.effective(WorkerStatus.DEAD, false));
        assertEquals(WorkerStatus.PROCESSING, WorkerStatus.effective(WorkerStatus.PROCESSING, true));
    }
}
