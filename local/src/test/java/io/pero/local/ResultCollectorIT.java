package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.cli.publish.RequestFactory;
import io.pero.common.mq.QueueTopology;
import io.pero.embedded.broker.EmbeddedQpidBroker;
import io.pero.proto.ProcessingRequest;
import io.pero.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result collector against the embedded broker: a page a worker parked ends the wait for it, as a failure. */
class ResultCollectorIT {
    @TempDir
    Path tmp;

    @Test
    void aParkedPageOfTheRunIsReportedAsFailedWithTheWorkersReason() throws Exception {
        try (EmbeddedQpidBroker broker = EmbeddedQpidBroker.start(
                new EmbeddedQpidBroker.Settings(0, "pero", "guest", "guest", Optional.empty()));
             Connection connection = broker.connectionFactory().newConnection("result-collector-it");
             Channel channel = connection.createChannel()) {
            QueueTopology.declareStageQueue(channel, "out");
            QueueTopology.declareErrorQueue(channel);
            RunJournal journal = RunJournal.inMemory();
            List<RunJournal.Finished> finished = new CopyOnWriteArrayList<>();
            ResultCollector collector = new ResultCollector(connection.createChannel(), tmp.resolve("out"), journal,
                    Set.of("scan.png"), finished::add);
            collector.start("out", QueueTopology.ERROR_QUEUE);

            park(channel, "other.png", "not this run's page");
            park(channel, "scan.png", "a worker died holding it 5 times");

            Await.until(Duration.ofSeconds(30), () -> !finished.isEmpty(), "the parked page reported");
            assertEquals(1, finished.size(), finished.toString());
            RunJournal.Finished f = finished.get(0);
            assertEquals("scan.png", f.name());
            assertFalse(f.ok());
            assertTrue(f.reason().contains("parked in pero.errors") && f.reason().contains("a worker died holding it 5 times"),
                    f.reason());
            assertTrue(journal.isFinished("scan.png"), "journaled, so a run started again does not wait for it either");
            Await.until(Duration.ofSeconds(30), () -> messages(channel) == 0, "both parked messages consumed");
        }
    }

    private static void park(Channel channel, String page, String reason) throws Exception {
        ProcessingRequest request = RequestFactory.system().create(page, new byte[] {1, 2, 3}, List.of("ocr", "out"), 0);
        AMQP.BasicProperties props = QueueTopology.taskProperties(0).builder()
                .headers(Map.of(QueueTopology.HEADER_ERROR_REASON, reason)).build();
        channel.basicPublish("", QueueTopology.ERROR_QUEUE, props, request.toByteArray());
    }

    private static long messages(Channel channel) {
        try {
            return channel.queueDeclarePassive(QueueTopology.ERROR_QUEUE).getMessageCount();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
