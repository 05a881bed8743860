package io.pero.common.mq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ReturnCallback;
import com.rabbitmq.client.ReturnListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes with {@code mandatory=true} and asynchronous publisher confirms on its own channel, so many publishes
 * can be in flight (no round trip per message). Each publish gets a future completed with the broker's verdict;
 * a basic.return (unroutable) is matched to its publish and reported as {@link PublishOutcome#UNROUTABLE}.
 * On RabbitMQ an unroutable mandatory publish is returned, then acked. Apache Qpid Broker-J (the embedded broker of
 * local mode) nacks it first and returns it afterwards, so on Qpid (recognised by the connection's {@code product}
 * server property) a nack is reported as {@link PublishOutcome#UNROUTABLE}: with the settings of
 * {@code EmbeddedQpidBroker} (no queue overflow policy) an unroutable mandatory publish is Qpid's only reason to nack.
 * When the channel or connection closes, pending futures complete exceptionally. Thread-safe.
 * <p>
 * After an automatic connection recovery the client reopens the channel with confirms on, but the broker has forgotten
 * the publishes it had not confirmed: their futures fail (the caller decides whether to publish again) and sequence
 * numbers start over. Futures complete on the connection's I/O thread: callbacks must not block or call synchronous
 * AMQP methods on this connection.
 */
public final class ConfirmingPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfirmingPublisher.class);

    /** Carries the publish sequence number so a basic.return can be matched to its publish. */
    static final String HEADER_PUBLISH_SEQ = "x-pero-publish-seq";

    private final Channel channel;
    private final ConcurrentNavigableMap<Long, CompletableFuture<PublishOutcome>> pending = new ConcurrentSkipListMap<>();
    private final Set<Long> returned = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean nackMeansUnroutable;
    private final ReturnListener returnListener;
    private final ConfirmListener confirmListener;
    private final ShutdownListener shutdownListener = this::channelShutDown;
    private final RecoveryListener recoveryListener = new RecoveryListener() {
        @Override
        public void handleRecovery(Recoverable recoverable) {
            log.info("publisher channel recovered channel={}", channel.getChannelNumber());
        }

        @Override
        public void handleRecoveryStarted(Recoverable recoverable) {
            failPending("connection lost; the broker forgot unconfirmed publishes");
        }
    };

    /** Takes ownership of {@code channel}: enables confirms and installs return and confirm listeners. */
    public ConfirmingPublisher(Channel channel) throws IOException {
        this.channel = channel;
        this.nackMeansUnroutable = BrokerProduct.isQpid(channel);
        channel.confirmSelect();
        this.returnListener = channel.addReturnListener((ReturnCallback) this::returned);
        this.confirmListener = channel.addConfirmListener(
                (seq, multiple) -> confirmed(seq, multiple, true),
                (seq, multiple) -> confirmed(seq, multiple, false));
        channel.addShutdownListener(shutdownListener);
        if (channel instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(recoveryListener);
        }
    }

    /** Publishes to the default exchange with routing key = queue name. */
    public CompletableFuture<PublishOutcome> publish(String queue, AMQP.BasicProperties properties, byte[] body) {
        CompletableFuture<PublishOutcome> outcome = new CompletableFuture<>();
        if (closed.get()) {
            outcome.completeExceptionally(new IllegalStateException("publisher is closed"));
            return outcome;
        }
        synchronized (channel) {
            long seq = channel.getNextPublishSeqNo();
            pending.put(seq, outcome);
            try {
                channel.basicPublish("", queue, true, withSequence(properties, seq), body);
            } catch (IOException | AlreadyClosedException e) {
                pending.remove(seq);
                outcome.completeExceptionally(e);
            }
        }
        return outcome;
    }

    /** Publishes still waiting for a confirm. */
    public int inFlight() {
        return pending.size();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channel.removeReturnListener(returnListener);
        channel.removeConfirmListener(confirmListener);
        channel.removeShutdownListener(shutdownListener);
        if (channel instanceof Recoverable recoverable) {
            recoverable.removeRecoveryListener(recoveryListener);
        }
        failPending("publisher closed");
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | AlreadyClosedException e) {
            log.debug("publisher channel close failed channel={} cause={}", channel.getChannelNumber(), e.toString());
        }
    }

    private static AMQP.BasicProperties withSequence(AMQP.BasicProperties properties, long seq) {
        AMQP.BasicProperties base = properties == null ? new AMQP.BasicProperties() : properties;
        Map<String, Object> headers = base.getHeaders() == null ? new HashMap<>() : new HashMap<>(base.getHeaders());
        headers.put(HEADER_PUBLISH_SEQ, seq);
        return base.builder().headers(headers).build();
    }

    /**
     * RabbitMQ sends basic.return before the basic.ack of the same publish. Qpid sends it after the nack: the publish is
     * then settled already and nothing is recorded (the set would only grow).
     */
    private void returned(Return r) {
        Object header = r.getProperties().getHeaders() == null ? null : r.getProperties().getHeaders().get(HEADER_PUBLISH_SEQ);
        if (header instanceof Number n) {
            if (pending.containsKey(n.longValue())) {
                returned.add(n.longValue());
            }
            log.debug("publish returned seq={} queue={} reply_code={} reply_text={}", n, r.getRoutingKey(),
                    r.getReplyCode(), r.getReplyText());
        } else {
            log.warn("returned message without a publish sequence queue={} reply_code={}", r.getRoutingKey(), r.getReplyCode());
        }
    }

    private void confirmed(long seq, boolean multiple, boolean ack) {
        Iterable<Long> settled = multiple ? pending.headMap(seq, true).keySet() : List.of(seq);
        for (Long key : settled) {
            // Leave the pending map before completing: a caller woken by its future must already see inFlight()
            // without this publish (completing first and clearing afterwards made inFlight() lag behind).
            CompletableFuture<PublishOutcome> future = pending.remove(key);
            if (future == null) {
                continue;
            }
            boolean wasReturned = returned.remove(key);
            PublishOutcome outcome = !ack ? (nackMeansUnroutable ? PublishOutcome.UNROUTABLE : PublishOutcome.NACKED)
                    : wasReturned ? PublishOutcome.UNROUTABLE : PublishOutcome.CONFIRMED;
            if (outcome == PublishOutcome.NACKED) {
                log.warn("publish nacked by broker seq={}", key);
            }
            future.complete(outcome);
        }
    }

    private void channelShutDown(ShutdownSignalException cause) {
        failPending("channel closed: " + cause.getMessage());
    }

    private void failPending(String why) {
        int failed = 0;
        for (Long seq : pending.keySet()) {
            CompletableFuture<PublishOutcome> future = pending.remove(seq);
            if (future != null && future.completeExceptionally(new IOException("publish not confirmed: " + why))) {
                failed++;
            }
        }
        returned.clear();
        if (failed > 0) {
            log.warn("publishes left unconfirmed count={} reason={}", failed, why);
        }
    }
}
