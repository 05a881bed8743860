package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.cli.publish.RequestFactory;
import io.pero.common.mq.ConfirmingPublisher;
import io.pero.common.mq.QueueTopology;
import io.pero.embedded.broker.EmbeddedQpidBroker;
import io.pero.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload window against the embedded broker: no more pages wait in the stage queue than it allows. */
class PageUploaderIT {
    private static final String STAGE = "ocr";

    @TempDir
    Path tmp;

    @Test
    void noMorePagesWaitInTheBrokerThanTheWindowAllows() throws Exception {
        List<Pages.Page> pages = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            pages.add(new Pages.Page("page" + i + ".png", Files.write(tmp.resolve("page" + i + ".png"), new byte[1000])));
        }
        try (EmbeddedQpidBroker broker = EmbeddedQpidBroker.start(
                new EmbeddedQpidBroker.Settings(0, "pero", "guest", "guest", Optional.empty()));
             Connection connection = broker.connectionFactory().newConnection("page-uploader-it");
             Channel queues = connection.createChannel();
             ConfirmingPublisher publisher = new ConfirmingPublisher(connection.createChannel())) {
            QueueTopology.declareStageQueue(queues, STAGE);
            RunJournal journal = RunJournal.inMemory();
            // One page of the run is still in the broker from an earlier run: it holds one of the three places.
            UploadWindow window = new UploadWindow(3, 1);
            PageUploader uploader = new PageUploader(publisher, RequestFactory.system(), journal, f -> window.pageFinished());
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                try {
                    uploader.upload(pages, List.of(STAGE, "out"), window);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            Await.until(Duration.ofSeconds(30), () -> journal.uploaded().size() == 2, "two pages uploaded");
            assertEquals(2, queues.queueDeclarePassive(STAGE).getMessageCount(), "pages in the stage queue");
            assertEquals(false, upload.isDone(), "the third page waits for a place");

            window.pageFinished(); // the earlier run's page
            window.pageFinished(); // page1
            window.pageFinished(); // page2
            upload.get(30, TimeUnit.SECONDS);
            assertEquals(5, journal.uploaded().size(), "every page uploaded once places were free");
            assertEquals(5, queues.queueDeclarePassive(STAGE).getMessageCount());
        }
    }
}
