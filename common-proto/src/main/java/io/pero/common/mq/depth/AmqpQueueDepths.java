package io.pero.common.mq.depth;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.pero.common.mq.AmqpConnections;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue depths from AMQP passive declares, for brokers without the management API. A passive declare reports ready
 * messages only: messages workers hold unacknowledged are not counted. Only stage queues are asked for; a stage without a
 * queue is left out. One connection, opened on first use and kept.
 */
public final class AmqpQueueDepths implements QueueDepthSource {
    private static final Logger log = LoggerFactory.getLogger(AmqpQueueDepths.class);
    private static final int NOT_FOUND = 404;

    private final AmqpConnections connections;
    private final String connectionName;
    private Connection connection;
    private Channel channel;

    public AmqpQueueDepths(AmqpConnections connections, String connectionName) {
        this.connections = connections;
        this.connectionName = connectionName;
    }

    @Override
    public synchronized List<QueueDepth> read(List<String> stages) throws IOException {
        List<QueueDepth> depths = new ArrayList<>();
        for (String stage : stages) {
            try {
                depths.add(new QueueDepth(stage, channel().queueDeclarePassive(stage).getMessageCount()));
            } catch (IOException e) {
                if (!isNotFound(e)) {
                    throw e;
                }
                log.debug("stage has no queue stage={}", stage);
            }
        }
        return depths;
    }

    private Channel channel() throws IOException {
        if (connection == null || !connection.isOpen()) {
            close();
            connection = connections.open(connectionName);
        }
        // A failed passive declare closes its channel, so a new one is opened after each missing queue.
        if (channel == null || !channel.isOpen()) {
            channel = connection.createChannel();
        }
        return channel;
    }

    private static boolean isNotFound(IOException e) {
        return e.getCause() instanceof ShutdownSignalException s && s.getReason() instanceof AMQP.Channel.Close close
                && close.getReplyCode() == NOT_FOUND;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException | ShutdownSignalException e) {
                log.debug("connection already closed name={} cause={}", connectionName, e.toString());
            }
            connection = null;
            channel = null;
        }
    }
}
