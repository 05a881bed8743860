package io.pero.cli.publish;

import com.google.protobuf.InvalidProtocolBufferException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.ShutdownSignalException;
import io.pero.common.cli.CommandFailedException;
import io.pero.cli.ProgressLine;
import io.pero.proto.ProcessingRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads results from a queue into a {@link DownloadWriter}: consumes with manual ack and a bounded prefetch and
 * acks each message only after its files are on disk. Without keep-running it stops once it has been idle for
 * {@code idle} and the broker reports the queue empty; with it, it runs until {@code stop} is counted down.
 */
public final class Downloader {
    private static final Logger log = LoggerFactory.getLogger(Downloader.class);

    /** How a download behaves. */
    public record Options(String queue, boolean keepRunning, boolean saveMessage, int prefetch, Duration idle) {
    }

    /** What a download did. */
    public record Summary(long written, long duplicates, long unparseable) {
    }

    private final Channel channel;
    private final DownloadWriter writer;
    private final DownloadStatistics statistics;
    private final ProgressLine progress;

    public Downloader(Channel channel, DownloadWriter writer, DownloadStatistics statistics, ProgressLine progress) {
        this.channel = channel;
        this.writer = writer;
        this.statistics = statistics;
        this.progress = progress;
    }

    public Summary run(Options options, CountDownLatch stop) throws IOException, InterruptedException {
        long ready = queueMustExist(options.queue());
        progress.setTotal(options.keepRunning() ? 0 : ready);
        // Differs from the original: consumes with a bounded prefetch in both modes (it used a basic_get loop without -k),
        // so a remote broker is not one round trip per message; "empty" is an idle pause plus a passive-declare count of 0.
        channel.basicQos(options.prefetch());
        BlockingQueue<Delivery> inbox = new LinkedBlockingQueue<>();
        AtomicReference<String> lost = new AtomicReference<>();
        String tag = channel.basicConsume(options.queue(), false, (consumerTag, delivery) -> inbox.add(delivery),
                consumerTag -> lost.compareAndSet(null, "the broker cancelled the consumer (queue deleted?)"),
                (consumerTag, signal) -> lost.compareAndSet(null, "connection lost: " + signal.getMessage()));
        Counts counts = new Counts();
        try {
            while (stop.getCount() > 0) {
                Delivery delivery = inbox.poll(options.idle().toMillis(), TimeUnit.MILLISECONDS);
                if (delivery != null) {
                    handle(delivery, options.saveMessage(), counts);
                } else if (lost.get() != null) {
                    throw new CommandFailedException("download from queue " + options.queue() + ": " + lost.get()
                            + "; unacknowledged messages stay in the queue");
                } else if (!options.keepRunning() && inbox.isEmpty() && readyMessages(options.queue()) == 0) {
                    break;
                }
            }
        } finally {
            cancelQuietly(tag);
            progress.finish();
        }
        return new Summary(counts.written, counts.duplicates, counts.unparseable);
    }

    private static final class Counts {
        long written;
        long duplicates;
        long unparseable;
    }

    private void handle(Delivery delivery, boolean saveMessage, Counts counts) throws IOException {
        byte[] body = delivery.getBody();
        ProcessingRequest message;
        try {
            message = ProcessingRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            // Differs from the original: a body that is not a request is kept and acked instead of ending the download.
            Path kept = writer.writeUnparseable(body);
            log.warn("message is not a processing request, kept raw path={} cause={}", kept, e.getMessage());
            counts.unparseable++;
            ack(delivery);
            return;
        }
        DownloadLayout.Layout layout = DownloadLayout.of(message, body, saveMessage);
        layout.renamed().forEach(note -> log.warn("unsafe file name in message uuid={}: {}", message.getUuid(), note));
        DownloadWriter.Written written = writer.write(message.getUuid(), layout.files());
        if (written.duplicate()) {
            counts.duplicates++;
            log.warn("duplicate message kept beside the first copy uuid={} path={}", message.getUuid(), written.directory());
        }
        log.debug("message downloaded uuid={} path={} files={}", message.getUuid(), written.directory(), layout.files().size());
        statistics.add(message);
        ack(delivery);
        counts.written++;
        progress.advance();
    }

    private void ack(Delivery delivery) throws IOException {
        channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
    }

    private long queueMustExist(String queue) {
        try {
            return readyMessages(queue);
        } catch (IOException e) {
            throw new CommandFailedException("download: queue '" + queue + "' does not exist in vhost pero", e);
        }
    }

    private long readyMessages(String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    private void cancelQuietly(String tag) {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.basicCancel(tag);
        } catch (IOException | ShutdownSignalException e) {
            // The channel is closing anyway; unacked deliveries go back to the queue either way.
            log.debug("consumer not cancelled tag={} cause={}", tag, e.toString());
        }
    }
}
