package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.QueueTopology;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.embedded.EmbeddedSftpServer;
import io.pero.embedded.EmbeddedZooKeeper;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import io.pero.testing.Await;
import io.pero.testing.TestBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.KeeperException;

/** Test-side helpers: the cluster as pero-stage-config, the publisher and the controller would set it up and read it. */
final class WorkerHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    final EmbeddedZooKeeper zooKeeper;
    final EmbeddedSftpServer sftp;
    final TestBroker broker = TestBroker.get();
    final CuratorFramework zk;
    final Connection amqp;
    final Channel channel;
    private final List<String> queues = new ArrayList<>();

    /** What workers get as {@code --cache-directory}. */
    final Path cacheDir;
    /** What workers get as {@code -z}: the plaintext port, or the TLS port of a TLS ZooKeeper. */
    private final String workerZooKeeper;

    WorkerHarness(Path sftpRoot, Path cacheDir) throws Exception {
        this(cacheDir, EmbeddedZooKeeper.start(0), EmbeddedSftpServer.start(0, sftpRoot, "pero", "pero"), null, null);
    }

    /**
     * With services set up by the test: workers reach ZooKeeper at {@code workerZooKeeper} (null: its plaintext port)
     * and RabbitMQ at {@code mqServer} (null: the test broker's plain port); the harness itself uses the plain ports.
     */
    WorkerHarness(Path cacheDir, EmbeddedZooKeeper zooKeeper, EmbeddedSftpServer sftp, String mqServer,
                  String workerZooKeeper) throws Exception {
        this.cacheDir = cacheDir;
        this.zooKeeper = zooKeeper;
        this.sftp = sftp;
        this.workerZooKeeper = workerZooKeeper == null ? zooKeeper.connectString() : workerZooKeeper;
        zk = CuratorFrameworkFactory.newClient(zooKeeper.connectString(), 5000, 3000, new RetryNTimes(20, 250));
        zk.start();
        zk.blockUntilConnected(10, TimeUnit.SECONDS);
        create(ZkPaths.MQ_SERVERS + "/" + (mqServer == null ? broker.host() + ":" + broker.port() : mqServer), "");
        create(ZkPaths.FTP_SERVERS + "/127.0.0.1:" + sftp.port(), "");
        amqp = broker.connect("pero-worker-it");
        channel = amqp.createChannel();
    }

    // ---- what pero-stage-config does

    String queue(String prefix) throws IOException {
        String name = TestBroker.uniqueName(prefix);
        QueueTopology.declareStageQueue(channel, name);
        queues.add(name);
        return name;
    }

    void defineStage(String stage, String configIni, String version, String configPath) throws Exception {
        create(ZkPaths.stageConfig(stage), configIni);
        create(ZkPaths.stageConfigPath(stage), configPath);
        create(ZkPaths.stageConfigVersion(stage), version);
        create(ZkPaths.stageAvgMsgTime(stage), "");
        create(ZkPaths.stageWaitingSince(stage), "");
        zk.create().orSetData().creatingParentsIfNeeded().forPath(ZkPaths.stageAdministrativePriority(stage),
                ZkCodecs.unsignedBigEndian(0));
    }

    String dummyStage(String prefix, String keys) throws Exception {
        String stage = queue(prefix);
        defineStage(stage, "[WORKER]\nDUMMY=1\n" + keys, "v1", "");
        return stage;
    }

    // ---- workers

    CompletableFuture<Integer> startWorker(String id, String... extra) {
        List<String> args = new ArrayList<>(List.of("-z", workerZooKeeper, "-i", id,
                "--cache-directory", cacheDir.toString(), "--shutdown-timeout", "10"));
        if (!List.of(extra).contains("-q")) {
            args.add("--disable-remote-logging");
        }
        args.addAll(List.of(extra));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = new Thread(() -> exit.complete(WorkerMain.run(args.toArray(String[]::new))), "it-worker-" + id);
        t.setDaemon(true);
        t.start();
        awaitStatus(id, "IDLE");
        return exit;
    }

    static String newId() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void assign(String id, String stage) throws Exception {
        zk.setData().forPath(ZkPaths.workerQueue(id), ZkCodecs.text(stage));
    }

    void stopWorker(String id, CompletableFuture<Integer> exit) throws Exception {
        zk.setData().forPath(ZkPaths.workerEnabled(id), ZkCodecs.text("false"));
        assertEquals(ExitCodes.OK, exit.get(WAIT.toSeconds(), TimeUnit.SECONDS), "exit code after enabled=false");
        assertEquals("DEAD", read(ZkPaths.workerStatus(id)));
    }

    void awaitStatus(String id, String status) {
        Await.until(WAIT, () -> status.equals(readOrNull(ZkPaths.workerStatus(id))),
                "worker " + id + " status " + status);
    }

    // ---- what the publisher does

    ProcessingRequest request(String... stages) {
        return ProcessingRequest.newBuilder().setUuid(UUID.randomUUID().toString().replace("-", ""))
                .setPageUuid("page").setPriority(0).addAllProcessingStages(List.of(stages))
                .addResults(Data.newBuilder().setName("idk").setContent(ByteString.copyFromUtf8("testdata\n")))
                .build();
    }

    void publish(String queue, byte[] body) throws IOException {
        channel.basicPublish("", queue, true, QueueTopology.taskProperties(0), body);
    }

    List<ProcessingRequest> take(String queue, int count) {
        List<GetResponse> got = takeRaw(queue, count);
        List<ProcessingRequest> out = new ArrayList<>();
        for (GetResponse r : got) {
            try {
                out.add(ProcessingRequest.parseFrom(r.getBody()));
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("output is not a ProcessingRequest", e);
            }
        }
        return out;
    }

    List<GetResponse> takeRaw(String queue, int count) {
        return takeRaw(queue, count, WAIT);
    }

    /** As {@link #take}, failing unless all {@code count} arrive within {@code within}. */
    static List<ProcessingRequest> takeWithin(WorkerHarness h, String queue, int count, Duration within) {
        List<ProcessingRequest> out = new ArrayList<>();
        for (GetResponse r : h.takeRaw(queue, count, within)) {
            out.add(unchecked(() -> ProcessingRequest.parseFrom(r.getBody())));
        }
        return out;
    }

    List<GetResponse> takeRaw(String queue, int count, Duration within) {
        List<GetResponse> got = new ArrayList<>();
        Await.until(within, () -> {
            GetResponse r = unchecked(() -> channel.basicGet(queue, true));
            if (r != null) {
                got.add(r);
            }
            return got.size() >= count;
        }, count + " messages in " + queue);
        return got;
    }

    /**
     * The error-queue message this worker parked from {@code stage}. The error queue is shared by every test (and by
     * other builds on the same broker), so each attempt scans the whole queue: messages of others stay unacked until
     * the scan ends and go back afterwards. (Requeueing each foreign message at once put it back at the head, where
     * the next get found it again, so one foreign message hid every message behind it.)
     */
    GetResponse takeParked(String workerId, String stage) {
        GetResponse[] found = new GetResponse[1];
        Await.until(WAIT, () -> {
            List<Long> others = new ArrayList<>();
            try {
                GetResponse r;
                while (found[0] == null && (r = unchecked(() -> channel.basicGet(QueueTopology.ERROR_QUEUE, false))) != null) {
                    var h = r.getProps().getHeaders();
                    boolean mine = h != null && workerId.equals(String.valueOf(h.get(QueueTopology.HEADER_ERROR_WORKER)))
                            && stage.equals(String.valueOf(h.get(QueueTopology.HEADER_ERROR_QUEUE)));
                    long tag = r.getEnvelope().getDeliveryTag();
                    if (mine) {
                        unchecked(() -> {
                            channel.basicAck(tag, false);
                            return null;
                        });
                        found[0] = r;
                    } else {
                        others.add(tag);
                    }
                }
            } finally {
                for (long tag : others) {
                    unchecked(() -> {
                        channel.basicNack(tag, false, true);
                        return null;
                    });
                }
            }
            return found[0] != null;
        }, "a message parked by " + workerId + " from " + stage);
        return found[0];
    }

    long messageCount(String queue) {
        AMQP.Queue.DeclareOk ok = unchecked(() -> channel.queueDeclarePassive(queue));
        return ok.getMessageCount();
    }

    long consumerCount(String queue) {
        return unchecked(() -> channel.queueDeclarePassive(queue)).getConsumerCount();
    }

    /** A call that may throw, for use inside {@link Await#until} conditions. */
    interface Call<T> {
        T call() throws Exception;
    }

    static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- ZooKeeper

    void create(String path, String text) throws Exception {
        zk.create().orSetData().creatingParentsIfNeeded().forPath(path, ZkCodecs.text(text));
    }

    String read(String path) throws Exception {
        return ZkCodecs.text(zk.getData().forPath(path));
    }

    String readOrNull(String path) {
        try {
            return read(path);
        } catch (KeeperException.NoNodeException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    boolean exists(String path) {
        try {
            return zk.checkExists().forPath(path) != null;
        } catch (Exception e) {
            return false;
        }
    }

    Optional<Double> avgMsgTime(String stage) {
        return ZkCodecs.parseFloatHex(unchecked(() -> read(ZkPaths.stageAvgMsgTime(stage))));
    }

    @Override
    public void close() throws Exception {
        broker.deleteQueues(queues.toArray(String[]::new));
        channel.close();
        amqp.close();
        zk.close();
        sftp.close();
        zooKeeper.close();
    }
}
