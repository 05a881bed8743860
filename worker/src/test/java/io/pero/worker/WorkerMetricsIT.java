package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.proto.ProcessingRequest;
import io.pero.testing.Await;
import io.pero.testing.MetricsEndpoint;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A worker started with --metrics-port, scraped as Prometheus would scrape it. */
class WorkerMetricsIT {
    private static final int N = 17;

    @RegisterExtension
    static final WorkerHarnessExtension services = new WorkerHarnessExtension();
    private final WorkerHarness h = services.harness();

    @Test
    void processedCountPerStageEqualsTheRequestsItForwardedAndPromtoolAcceptsTheOutput() throws Exception {
        String stage = h.dummyStage("it-metrics", "TIME_SCALE=0\n");
        String out = h.queue("it-out");
        int port = freePort();
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id, "--metrics-port", String.valueOf(port));
        MetricsEndpoint endpoint = new MetricsEndpoint(port);
        assertEquals(200, endpoint.get("/health").status());
        MetricsEndpoint.Response notReady = endpoint.get("/ready");
        assertEquals(503, notReady.status(), "no stage assigned yet");
        assertTrue(notReady.body().contains("stage configured"), notReady.body());

        h.assign(id, stage);
        for (int i = 0; i < N; i++) {
            h.publish(stage, h.request(stage, out).toByteArray());
        }
        // Counted independently of the worker: what arrived in the output queue.
        List<ProcessingRequest> forwarded = h.take(out, N);
        assertEquals(N, forwarded.size());
        String label = "stage=\"" + stage + "\"";
        Await.until(WorkerHarness.WAIT, () -> MetricsEndpoint.sample(endpoint.get("/metrics").body(),
                "pero_worker_requests_processed_total", label).orElse(0.0) >= N, N + " processed on /metrics");
        String metrics = endpoint.get("/metrics").body();
        assertEquals(Optional.of((double) N), MetricsEndpoint.sample(metrics, "pero_worker_requests_processed_total", label));
        assertEquals(Optional.of((double) N), MetricsEndpoint.sample(metrics, "pero_worker_processing_seconds_count", label));
        assertEquals(Optional.of(1.0), MetricsEndpoint.sample(metrics, "pero_worker_stage", label));
        assertEquals(Optional.of(1.0), MetricsEndpoint.sample(metrics, "pero_worker_connected", "service=\"rabbitmq\""));
        assertEquals(Optional.of(1.0), MetricsEndpoint.sample(metrics, "pero_worker_stage_switches_total", ""));
        assertEquals(200, endpoint.get("/ready").status(), endpoint.get("/ready").body());
        assertEquals(200, endpoint.get("/health").status());

        Optional<Path> promtool = MetricsEndpoint.promtool();
        if (promtool.isPresent()) {
            MetricsEndpoint.Check check = MetricsEndpoint.promtoolCheck(promtool.get(), metrics);
            assertEquals(0, check.exitCode(), "promtool check metrics:\n" + check.output() + "\n---\n" + metrics);
        }
        h.stopWorker(id, exit);
        Assumptions.assumeTrue(promtool.isPresent(), MetricsEndpoint.PROMTOOL_MISSING);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
