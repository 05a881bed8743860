package io.pero.worker.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.common.status.WorkerStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusTransitionsTest {
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "STARTING, IDLE, true",
            "IDLE, PROCESSING, true",
            "PROCESSING, IDLE, true",
            "IDLE, CONFIGURING, true",
            "CONFIGURING, CONFIGURATION_FAILED, true",
            "CONFIGURATION_FAILED, CONFIGURING, true",
            "PROCESSING, PROCESSING_FAILED, true",
            "PROCESSING_FAILED, IDLE, true",
            "PROCESSING_FAILED, CONFIGURING, true",
            "PROCESSING_FAILED, MQ_CONNECTION_FAILED, false",
            "PROCESSING_FAILED, PROCESSING, false",
            "MQ_CONNECTION_FAILED, IDLE, true",
            "IDLE, DEAD, true",
            "DEAD, IDLE, false",
            "DEAD, STARTING, false",
            "IDLE, ZK_CONNECTION_FAILED, false",
            "IDLE, IDLE, false"})
    void table(WorkerStatus from, WorkerStatus to, boolean allowed) {
        assertEquals(allowed, StatusTransitions.allowed(from, to));
    }
}
