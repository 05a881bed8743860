package io.pero.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.perf.PerfTest;
import io.pero.common.mq.QueueTopology;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs RabbitMQ PerfTest in this JVM against queues it declares as stage queues and deletes afterwards. */
final class PerfTestBenchmark {
    private static final Logger log = LoggerFactory.getLogger(PerfTestBenchmark.class);

    /** What PerfTest measured: consumed (received) and published (sent) messages per second over its whole run. */
    record Result(double receivedPerSecond, double sentPerSecond, long messages, double cpuSeconds, double brokerCpuSeconds,
                  String commandLine) {
        /** CPU milliseconds this JVM (PerfTest's producers and consumers) spent per message. */
        double cpuMillisPerMessage() {
            return cpuSeconds * 1000 / messages;
        }

        /** CPU milliseconds a local broker spent per message; NaN when the broker is not on this machine. */
        double brokerCpuMillisPerMessage() {
            return brokerCpuSeconds * 1000 / messages;
        }
    }

    private PerfTestBenchmark() {
    }

    static Result run(Connection setup, PerfTestParams params) throws Exception {
        try (Channel channel = setup.createChannel()) {
            for (String q : params.queues()) {
                QueueTopology.declareStageQueue(channel, q);
            }
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AtomicInteger exitStatus = new AtomicInteger(0);
        long cpu0 = ProcessCpu.nanos();
        OptionalLong broker0 = BrokerCpu.nanos();
        try (PrintStream ps = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            // PerfTest turns TLS on when any javax.net.ssl.* system property is set, and libraries in this JVM set some;
            // the benchmark speaks plain AMQP (--uri amqp://), so that guess must be off.
            PerfTest.main(params.arguments().toArray(String[]::new), new PerfTest.PerfTestOptions()
                    .setSystemExiter(exitStatus::set).setConsoleOut(ps).setConsoleErr(ps).setSkipSslContextConfiguration(true));
        } finally {
            try (Channel channel = setup.createChannel()) {
                for (String q : params.queues()) {
                    QueueTopology.deleteQueue(channel, q);
                }
            } catch (Exception e) {
                log.warn("cannot delete PerfTest queues queues={} cause={}", params.queues(), e.toString());
            }
        }
        double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
        double brokerSeconds = BrokerCpu.secondsSince(broker0);
        String out = console.toString(StandardCharsets.UTF_8);
        if (exitStatus.get() != 0) {
            throw new IllegalStateException("PerfTest failed with status " + exitStatus.get() + ":\n" + out);
        }
        double received = PerfTestOutput.receivingRate(out).orElseThrow(
                () -> new IllegalStateException("no 'receiving rate avg' in PerfTest output:\n" + out));
        double sent = PerfTestOutput.sendingRate(out).orElse(Double.NaN);
        return new Result(received, sent, params.messagesPerProducer() * params.producers(), cpuSeconds, brokerSeconds,
                "perf-test " + String.join(" ", params.arguments()).replace("guest:guest@", "***@"));
    }
}
