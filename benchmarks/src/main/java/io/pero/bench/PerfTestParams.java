package io.pero.bench;

import io.pero.common.net.ServerAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A PerfTest run shaped like the pipeline: one queue per stage with the stage queues' arguments, one producer and one
 * consumer per worker, persistent messages, at most {@code prefetch} unconfirmed publishes per producer and a consumer
 * prefetch of {@code prefetch} with one ack per message, as a worker has. {@code totalMessages} = the pipeline's hops.
 */
record PerfTestParams(ServerAddress mq, List<String> queues, int producers, int consumers, int size, int prefetch,
                      long totalMessages) {

    PerfTestParams {
        queues = List.copyOf(queues);
    }

    static PerfTestParams likePipeline(PipelineParams pipeline, String queuePrefix, int size, int prefetch) {
        List<String> queues = IntStream.rangeClosed(1, 2).mapToObj(i -> queuePrefix + "-" + i).toList();
        return new PerfTestParams(pipeline.mq(), queues, pipeline.workers(), pipeline.workers(), size, prefetch,
                2L * pipeline.messages());
    }

    long messagesPerProducer() {
        return (totalMessages + producers - 1) / producers;
    }

    /** PerfTest's command line; also printed so the run can be repeated with the PerfTest CLI. */
    List<String> arguments() {
        String prefix = queues.get(0).substring(0, queues.get(0).lastIndexOf('-'));
        List<String> a = new ArrayList<>(List.of(
                "--uri", "amqp://guest:guest@" + mq.hostPort(5672) + "/pero",
                "--id", "pero-bench",
                "--producers", String.valueOf(producers), "--consumers", String.valueOf(consumers),
                "--queue-pattern", prefix + "-%d", "--queue-pattern-from", "1", "--queue-pattern-to", String.valueOf(queues.size()),
                "--predeclared", "--queue-args", "x-max-priority=1,x-queue-type=classic",
                "--size", String.valueOf(size), "--flag", "persistent",
                "--confirm", String.valueOf(prefetch), "--qos", String.valueOf(prefetch), "--multi-ack-every", "0",
                "--pmessages", String.valueOf(messagesPerProducer()),
                "--cmessages", String.valueOf(messagesPerProducer() * producers / consumers)));
        return a;
    }
}
