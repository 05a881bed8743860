package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.common.mq.depth.ManagementApiQueueDepths;
import io.pero.common.mq.depth.QueueDepth;
import io.pero.common.mq.management.Json;
import io.pero.common.net.ServerAddress;
import io.pero.common.status.StageLogStatus;
import io.pero.common.tls.PemTrust;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedSftpServer;
import io.pero.embedded.EmbeddedSftpServer.HostKeyType;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.proto.ProcessingRequest;
import io.pero.testing.Await;
import io.pero.testing.CertificateScript;
import io.pero.testing.RabbitMqTlsListener;
import io.pero.testing.TestBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS end to end (issue 9 item 8): a worker whose only ZooKeeper is a TLS client port (stores made by
 * {@code certs/generate.sh}), whose only RabbitMQ is the AMQPS listener of the test broker
 * ({@code .ci/rabbitmq-tls.sh}), host names verified on both, and whose SFTP host key is checked against known_hosts;
 * queue depths come from the management API over HTTPS. Skipped, with the reason, where the broker has no TLS listener.
 */
class TlsPipelineIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int REQUESTS = 5;

    @TempDir
    static Path tmp;
    static RabbitMqTlsListener rabbit;
    static Path caBundle;
    static WorkerHarness h;

    /** Per test, so that each is reported as skipped with the reason where the broker has no TLS listener. */
    @BeforeEach
    void requireTlsListener() throws Exception {
        rabbit = RabbitMqTlsListener.require();
        if (h == null) {
            startServices();
        }
    }

    private static void startServices() throws Exception {
        Path certs = CertificateScript.generate(tmp.resolve("certs"));
        // One ca_cert serves ZooKeeper and RabbitMQ: a bundle of the CA this test made and the broker's CA.
        caBundle = Files.writeString(tmp.resolve("ca-bundle.pem"),
                Files.readString(certs.resolve("ca.pem")) + Files.readString(rabbit.caPem()));
        EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.startWithTls(EmbeddedZooKeeper.Tls.generatedIn(certs));
        // ed25519 only, as a hardened OpenSSH offers.
        EmbeddedSftpServer sftp = EmbeddedSftpServer.start(0, tmp.resolve("sftp"), "pero", "pero", HostKeyType.ED25519);
        h = new WorkerHarness(Files.createDirectories(tmp.resolve("cache")), zooKeeper, sftp,
                "localhost:" + rabbit.amqpsPort(), "localhost:" + zooKeeper.securePort());
        Path remote = sftp.root().resolve("pero/models/test1.tar.xz");
        Files.createDirectories(remote.getParent());
        try (var archive = TlsPipelineIT.class.getResourceAsStream("/testvectors/model-archive-test1.tar.xz")) {
            Files.copy(archive, remote);
        }
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void workerServesAModelStageOverTlsWithHostNamesAndTheSftpHostKeyVerified() throws Exception {
        String stage = h.queue("it-tls");
        h.defineStage(stage, "[WORKER]\nDUMMY=1\nTIME_SCALE=0\n", "t1", "pero/models/test1.tar.xz");
        String next = h.queue("it-tls-next");
        String out = h.queue("it-tls-out");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            ProcessingRequest r = h.request(stage, next, out);
            sent.add(r.getUuid());
            h.publish(stage, r.toByteArray());
        }
        try (ManagementApiQueueDepths depths = managementOverHttps()) {
            Await.until(WAIT, () -> depth(depths, stage) == REQUESTS, REQUESTS + " messages in " + stage + " over https");
            assertEquals(Optional.of("https://127.0.0.1:" + rabbit.managementHttpsPort()), depths.lastAnswered());

            Path knownHosts = tmp.resolve("known_hosts");
            h.sftp.writeKnownHosts(knownHosts);
            String id = WorkerHarness.newId();
            CompletableFuture<Integer> exit = h.startWorker(id, "-e", caBundle.toString(),
                    "--sftp-known-hosts", knownHosts.toString());
            h.assign(id, stage);

            List<ProcessingRequest> forwarded = h.take(next, REQUESTS);
            assertEquals(sent.stream().sorted().toList(), forwarded.stream().map(ProcessingRequest::getUuid).sorted().toList());
            forwarded.forEach(r -> {
                assertEquals(StageLogStatus.OK, r.getLogs(0).getStatus(), r.getLogs(0).toString());
                assertEquals("t1", r.getLogs(0).getVersion());
            });
            assertEquals(stage, h.read(ZkPaths.workerActiveStage(id)), "model downloaded over SFTP, host key accepted");
            assertTrue(workerConnectionsAreTls(id), "the worker's AMQP connections use TLS (management API)");
            Await.until(WAIT, () -> depth(depths, stage) == 0, stage + " drained, seen over https");
            h.stopWorker(id, exit);
        }
    }

    @Test
    void sftpHostKeyThatDoesNotMatchKnownHostsStopsTheStageWithTheReasonAndLosesNothing() throws Exception {
        String stage = h.queue("it-tls-mitm");
        h.defineStage(stage, "[WORKER]\nDUMMY=1\nTIME_SCALE=0\n", "t1", "pero/models/test1.tar.xz");
        String out = h.queue("it-tls-out");
        h.publish(stage, h.request(stage, out).toByteArray());
        Path knownHosts = tmp.resolve("known_hosts_other_key");
        try (EmbeddedSftpServer other = EmbeddedSftpServer.start(0, tmp.resolve("other"), "pero", "pero", HostKeyType.ED25519)) {
            // The right host and port, another server's key: what a client sees when someone else answers.
            String otherKey = other.knownHostsLine().substring(other.knownHostsLine().indexOf(' '));
            Files.writeString(knownHosts, "[127.0.0.1]:" + h.sftp.port() + otherKey + "\n");
        }
        String id = WorkerHarness.newId();
        CompletableFuture<Integer> exit = h.startWorker(id, "-e", caBundle.toString(), "--sftp-known-hosts",
                knownHosts.toString());
        h.assign(id, stage);

        h.awaitStatus(id, "CONFIGURATION_FAILED");
        Await.until(WAIT, () -> String.valueOf(h.readOrNull(ZkPaths.workerConfigFailure(id))).contains("does not match"),
                "the host key mismatch in " + ZkPaths.workerConfigFailure(id));
        String failure = h.read(ZkPaths.workerConfigFailure(id));
        assertTrue(failure.contains("known_hosts file " + knownHosts), failure);
        assertEquals(1, h.messageCount(stage), "the request waits in its queue");
        h.stopWorker(id, exit);
    }

    private static ManagementApiQueueDepths managementOverHttps() {
        TestBroker broker = h.broker;
        return new ManagementApiQueueDepths(() -> List.of(ServerAddress.of("127.0.0.1", rabbit.managementHttpsPort())),
                new Credentials(Optional.of(broker.username()), Secret.of(broker.password()), Optional.of(caBundle)),
                Duration.ofSeconds(5));
    }

    private static long depth(ManagementApiQueueDepths depths, String queue) {
        return WorkerHarness.unchecked(() -> depths.read(List.of(queue))).stream().filter(d -> d.name().equals(queue))
                .mapToLong(QueueDepth::messages).findFirst().orElse(-1);
    }

    /** Both of the worker's connections, as the management API lists them over HTTPS, with their TLS flag. */
    private static boolean workerConnectionsAreTls(String id) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(PemTrust.sslContext(caBundle)).build();
        String auth = Base64.getEncoder().encodeToString((h.broker.username() + ":" + h.broker.password())
                .getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("https://localhost:" + rabbit.managementHttpsPort() + "/api/connections?columns=name,ssl,"
                + "client_properties");
        List<Map<?, ?>> mine = new ArrayList<>();
        Await.until(WAIT, () -> {
            mine.clear();
            HttpResponse<String> response = WorkerHarness.unchecked(() -> http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Basic " + auth).GET().build(), HttpResponse.BodyHandlers.ofString()));
            for (Object c : (List<?>) Json.parse(response.body())) {
                Map<?, ?> connection = (Map<?, ?>) c;
                if (connection.get("client_properties") instanceof Map<?, ?> props
                        && String.valueOf(props.get("connection_name")).startsWith("pero-worker:" + id + ":")) {
                    mine.add(connection);
                }
            }
            return mine.size() == 2;
        }, "the two connections of worker " + id + " in the management API");
        return mine.stream().allMatch(c -> Boolean.TRUE.equals(c.get("ssl")));
    }
}
