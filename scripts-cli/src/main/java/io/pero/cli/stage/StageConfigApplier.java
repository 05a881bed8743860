package io.pero.cli.stage;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.cli.ZkNodes;
import io.pero.common.config.ServiceUnavailableException;
import io.pero.common.mq.QueueTopology;
import io.pero.common.mq.QueueType;
import io.pero.common.net.ServerAddress;
import io.pero.common.sftp.SftpModelStore;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link StagePlan} against ZooKeeper, RabbitMQ and SFTP. Everything that can be checked before the first
 * write is checked first (servers registered, the old model path read, RabbitMQ connected), so a missing service
 * stops the run before it changes anything.
 */
public final class StageConfigApplier {
    /** Opens what the applier needs from the servers registered in ZooKeeper. */
    public interface Services {
        Connection openMq(List<ServerAddress> servers) throws IOException;

        SftpModelStore sftp(List<ServerAddress> servers);
    }

    private static final Logger log = LoggerFactory.getLogger(StageConfigApplier.class);

    private final ZkNodes zk;
    private final Services services;
    private final QueueType queueType;

    public StageConfigApplier(ZkNodes zk, Services services) {
        this(zk, services, QueueType.CLASSIC);
    }

    /** {@code queueType}: the type a newly declared stage queue gets (extension; the original's is classic). */
    public StageConfigApplier(ZkNodes zk, Services services, QueueType queueType) {
        this.zk = zk;
        this.services = services;
        this.queueType = queueType;
    }

    public void apply(StagePlan plan) throws Exception {
        List<StageStep> steps = resolveModelPaths(plan.steps());
        if (steps.isEmpty()) {
            return;
        }
        SftpModelStore sftp = needsSftp(steps) ? services.sftp(requireServers(ZkPaths.FTP_SERVERS, "SFTP", sftpPurpose(steps),
                "--add-ftp-servers")) : null;
        // Differs from the original: RabbitMQ is needed only to declare or delete a queue (-i and -s work without it),
        // and a missing ftp_servers node matters only when SFTP work is planned (spec §12.14).
        if (!plan.touchesQueues()) {
            run(steps, null, sftp);
            return;
        }
        List<ServerAddress> mqServers = requireServers(ZkPaths.MQ_SERVERS, "RabbitMQ", "to declare or delete the stage queue",
                "--add-mq-servers");
        try (Connection connection = services.openMq(mqServers); Channel channel = connection.createChannel()) {
            run(steps, channel, sftp);
        }
    }

    private void run(List<StageStep> steps, Channel channel, SftpModelStore sftp) throws Exception {
        for (StageStep step : steps) {
            log.debug("stage step {}", step);
            execute(step, channel, sftp);
        }
    }

    private void execute(StageStep step, Channel channel, SftpModelStore sftp) throws Exception {
        if (step instanceof StageStep.UploadModel s) {
            sftp.upload(s.local(), s.remotePath());
            log.info("model uploaded file={} remote_path={}", s.local(), s.remotePath());
        } else if (step instanceof StageStep.WriteVersion s) {
            zk.set(ZkPaths.stageConfigVersion(s.stage()), ZkCodecs.text(s.version()));
            log.info("config version set stage={} version={}", s.stage(), s.version());
        } else if (step instanceof StageStep.WriteConfigPath s) {
            zk.set(ZkPaths.stageConfigPath(s.stage()), ZkCodecs.text(s.remotePath()));
            log.info("model path set stage={} remote_path={}", s.stage(), s.remotePath());
        } else if (step instanceof StageStep.UploadConfig s) {
            uploadConfig(s);
        } else if (step instanceof StageStep.EnsureStatsNodes s) {
            ensureStatsNodes(s.stage());
        } else if (step instanceof StageStep.WritePriority s) {
            // Differs from the original: the shortest big-endian encoding, not sys.getsizeof() bytes; readers accept any length.
            zk.set(ZkPaths.stageAdministrativePriority(s.stage()), ZkCodecs.unsignedBigEndian(s.priority()));
            log.info("administrative priority set stage={} priority={}", s.stage(), s.priority());
        } else if (step instanceof StageStep.WriteWorkerLimit s) {
            String path = s.minimum() ? ZkPaths.stageMinWorkers(s.stage()) : ZkPaths.stageMaxWorkers(s.stage());
            zk.set(path, ZkCodecs.text(s.workers().isPresent() ? Integer.toString(s.workers().getAsInt()) : ""));
            log.info("worker limit set stage={} {}={}", s.stage(), s.minimum() ? "min_workers" : "max_workers",
                    s.workers().isPresent() ? s.workers().getAsInt() : "none");
        } else if (step instanceof StageStep.DeclareQueue s) {
            QueueTopology.declareStageQueue(channel, s.stage(), queueType);
            log.info("queue declared queue={} type={}", s.stage(), queueType.name().toLowerCase(java.util.Locale.ROOT));
        } else if (step instanceof StageStep.DeleteStageNodes s) {
            zk.deleteRecursively(ZkPaths.stage(s.stage()));
            log.info("stage configuration deleted stage={}", s.stage());
        } else if (step instanceof StageStep.DeleteQueue s) {
            QueueTopology.deleteQueue(channel, s.stage());
            log.info("queue deleted queue={}", s.stage());
        } else if (step instanceof StageStep.RemoveModel s) {
            sftp.removeFileAndEmptyParents(s.fallbackPath());
            log.info("model removed remote_path={}", s.fallbackPath());
        } else {
            throw new IllegalStateException("unknown stage step " + step);
        }
    }

    private void uploadConfig(StageStep.UploadConfig s) throws Exception {
        String stage = s.stage();
        zk.ensure(ZkPaths.stageConfigPath(stage));
        zk.set(ZkPaths.stageConfig(stage), s.config());
        ensureStatsNodes(stage);
        String priorityPath = ZkPaths.stageAdministrativePriority(stage);
        zk.ensure(priorityPath);
        if (ZkCodecs.parseUnsignedBigEndian(zk.read(priorityPath).orElse(new byte[0])).signum() == 0) {
            zk.set(priorityPath, ZkCodecs.unsignedBigEndian(0));
        }
        log.info("configuration uploaded stage={} bytes={}", stage, s.config().length);
    }

    private void ensureStatsNodes(String stage) throws Exception {
        zk.ensure(ZkPaths.stageAvgMsgTime(stage));
        zk.ensure(ZkPaths.stageWaitingSince(stage));
    }

    /**
     * Replaces each {@link StageStep.RemoveModel} by one carrying the concrete path (the stage's {@code config_path}
     * before this run wins over {@code -r}), or drops it when no path is known. Must run before any step deletes nodes.
     */
    private List<StageStep> resolveModelPaths(List<StageStep> steps) throws Exception {
        List<StageStep> resolved = new ArrayList<>();
        for (StageStep step : steps) {
            if (step instanceof StageStep.RemoveModel r) {
                String fromZk = r.stage() == null ? "" : ZkCodecs.text(zk.read(ZkPaths.stageConfigPath(r.stage())).orElse(null));
                String path = fromZk.isEmpty() ? r.fallbackPath() : fromZk;
                if (!path.isEmpty()) {
                    resolved.add(new StageStep.RemoveModel(null, path));
                }
            } else {
                resolved.add(step);
            }
        }
        return resolved;
    }

    private static boolean needsSftp(List<StageStep> steps) {
        return steps.stream().anyMatch(s -> s instanceof StageStep.UploadModel || s instanceof StageStep.RemoveModel);
    }

    private static String sftpPurpose(List<StageStep> steps) {
        return steps.stream().filter(s -> s instanceof StageStep.UploadModel).findFirst()
                .map(s -> "to upload the model to " + ((StageStep.UploadModel) s).remotePath())
                .orElse("to remove the model file");
    }

    private List<ServerAddress> requireServers(String listPath, String service, String purpose, String addOption) throws Exception {
        List<ServerAddress> servers = zk.servers(listPath);
        if (servers.isEmpty()) {
            // Differs from the original: no servers is exit code 4 with a hint, not exit code 1.
            throw new ServiceUnavailableException("stage config: " + service + " is needed " + purpose + " but no " + service
                    + " server is registered in ZooKeeper at " + listPath + "; add one with pero-server-config " + addOption
                    + " HOST:PORT");
        }
        return servers;
    }
}
