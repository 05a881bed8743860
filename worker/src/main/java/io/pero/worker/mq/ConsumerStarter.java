package io.pero.worker.mq;

import io.pero.worker.processing.RequestProcessor;
import java.io.IOException;

/** Starts consuming a stage queue with a processor. */
public interface ConsumerStarter {
    /**
     * @throws MqUnavailableException   when RabbitMQ is not connected (yet); try again when it is
     * @throws StageQueueMissingException when the stage queue does not exist in the vhost
     * @throws IOException              on other AMQP errors
     */
    StageConsumer start(String stage, String configVersion, RequestProcessor processor) throws IOException;
}
