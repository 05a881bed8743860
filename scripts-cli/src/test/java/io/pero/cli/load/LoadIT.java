package io.pero.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.pero.cli.support.Cli;
import io.pero.cli.support.CliResult;
import io.pero.common.config.ExitCodes;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.proto.ProcessingRequest;
import io.pero.testing.TestBroker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** pero-load against the real broker: what arrives in the first stage's queue. */
class LoadIT {
    @Test
    void publishesCountBatchesOfNumberRequestsWithPayloadsInTheSizeRange() throws Exception {
        TestBroker broker = TestBroker.get();
        String stage = TestBroker.uniqueName("it-load");
        String out = TestBroker.uniqueName("it-load-out");
        try (EmbeddedZooKeeper zk = EmbeddedZooKeeper.start(0); Connection amqp = broker.connect("load-it");
             Channel channel = amqp.createChannel()) {
            Cli cli = new Cli(zk.connectString());
            assertEquals(ExitCodes.OK, cli.serverConfig("--add-mq-servers", broker.host() + ":" + broker.port()).code());
            assertEquals(ExitCodes.OK, cli.stageConfig("-n", stage).code());
            try {
                CliResult r = cli.load("-t", stage, out, "-n", "4", "-c", "3", "--size-range", "100", "200", "-y", "1");
                assertEquals(ExitCodes.OK, r.code(), r.toString());
                assertEquals("published 12 messages to " + stage, r.out().strip());

                List<ProcessingRequest> got = new ArrayList<>();
                for (GetResponse g; (g = channel.basicGet(stage, true)) != null; ) {
                    got.add(ProcessingRequest.parseFrom(g.getBody()));
                    assertEquals(1, g.getProps().getPriority());
                }
                assertEquals(12, got.size(), "count x number messages in the queue");
                Set<String> uuids = new HashSet<>();
                for (ProcessingRequest m : got) {
                    uuids.add(m.getUuid());
                    assertEquals(List.of(stage, out), m.getProcessingStagesList());
                    assertEquals(1, m.getPriority());
                    assertEquals("data", m.getResults(0).getName());
                    int size = m.getResults(0).getContent().size();
                    assertTrue(size >= 100 && size <= 200, "payload size " + size);
                }
                assertEquals(12, uuids.size(), "fresh uuid per message");

                CliResult missing = cli.load("-t", TestBroker.uniqueName("it-load-missing"), out, "-c", "1");
                assertEquals(ExitCodes.FAILED, missing.code(), missing.toString());
                assertTrue(missing.err().contains("not accepted"), missing.err());
            } finally {
                broker.deleteQueues(stage);
            }
        }
    }
}
