package io.pero.watchdog.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.util.Optional;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

class WorkerEventsTest {
    private static ChildData node(String path, String data) {
        return new ChildData(path, new Stat(), ZkCodecs.text(data));
    }

    @Test
    void idleAndFailureStatusesConnectionsAndNothingElseAreEvents() {
        assertEquals(Optional.of("worker IDLE w1"), WorkerEvents.reason(node(ZkPaths.workerStatus("w1"), "IDLE")));
        assertEquals(Optional.of("worker MQ_CONNECTION_FAILED w1"),
                WorkerEvents.reason(node(ZkPaths.workerStatus("w1"), "MQ_CONNECTION_FAILED")));
        assertEquals(Optional.of("worker connected w2"), WorkerEvents.reason(node(ZkPaths.workerConnected("w2"), "true")));
        assertEquals(Optional.empty(), WorkerEvents.reason(node(ZkPaths.workerStatus("w1"), "PROCESSING")));
        assertEquals(Optional.empty(), WorkerEvents.reason(node(ZkPaths.workerQueue("w1"), "IDLE")));
    }
}
