package io.pero.common.zk;

/**
 * Every znode path the system reads or writes. The layout is the Python original's
 * (behaviour spec §3) and must not change: Python tools and workers share it.
 * Paths added by the JVM port are marked as extensions; Python components ignore them.
 */
public final class ZkPaths {
    public static final String ROOT = "/pero";

    public static final String QUEUES = ROOT + "/queue";
    public static final String WORKER = ROOT + "/worker";
    public static final String WORKER_STATUS = WORKER + "/status";
    public static final String WORKER_CONFIG = WORKER + "/config";
    public static final String MQ_SERVERS = WORKER_CONFIG + "/mq_servers";
    public static final String MQ_MONITORING_SERVERS = WORKER_CONFIG + "/mq_monitoring_servers";
    /** Named "ftp" for historical reasons; holds SFTP servers (spec §12, history). */
    public static final String FTP_SERVERS = WORKER_CONFIG + "/ftp_servers";

    /** Extension: watchdog leader election (the original has none, spec §3.4). */
    public static final String WATCHDOG_LEADER = ROOT + "/watchdog/leader";

    private ZkPaths() {
    }

    public static String join(String parent, String child) {
        if (child.isEmpty() || child.contains("/")) {
            throw new IllegalArgumentException("invalid znode name '" + child + "' under " + parent);
        }
        return parent + "/" + child;
    }

    // ---- per stage: /pero/queue/<stage>/... (spec §3.2)

    public static String stage(String stage) {
        return join(QUEUES, stage);
    }

    public static String stageConfig(String stage) {
        return stage(stage) + "/config";
    }

    public static String stageConfigPath(String stage) {
        return stage(stage) + "/config_path";
    }

    public static String stageConfigVersion(String stage) {
        return stage(stage) + "/config_version";
    }

    public static String stageAdministrativePriority(String stage) {
        return stage(stage) + "/administrative_priority";
    }

    public static String stageAvgMsgTime(String stage) {
        return stage(stage) + "/avg_msg_time";
    }

    public static String stageAvgMsgTimeLock(String stage) {
        return stage(stage) + "/avg_msg_time_lock";
    }

    public static String stageWaitingSince(String stage) {
        return stage(stage) + "/waiting_since";
    }

    /** Extension: minimum number of workers the watchdog keeps on the stage (decimal text). */
    public static String stageMinWorkers(String stage) {
        return stage(stage) + "/min_workers";
    }

    /** Extension: maximum number of workers the watchdog puts on the stage (decimal text). */
    public static String stageMaxWorkers(String stage) {
        return stage(stage) + "/max_workers";
    }

    /**
     * Extension: where this stage's requests went next, as last reported by a worker serving it (text, one
     * {@code <next stage> <count>} per line, see {@link NextStages}); the watchdog learns the pipeline order from it.
     */
    public static String stageNextStages(String stage) {
        return stage(stage) + "/next_stages";
    }

    /**
     * Extension: failed configurations of the stage's current model version, {@link StageConfigFailures} text; a worker
     * adds one per failure and deletes the node when it configures the stage; a new config version makes it moot.
     */
    public static String stageConfigFailures(String stage) {
        return stage(stage) + "/config_failures";
    }

    // ---- per worker: /pero/worker/status/<id>/... (spec §3.3)

    public static String worker(String workerId) {
        return join(WORKER_STATUS, workerId);
    }

    public static String workerStatus(String workerId) {
        return worker(workerId) + "/status";
    }

    /** Ephemeral child of the status node, present while the worker's session lives. */
    public static String workerConnected(String workerId) {
        return workerStatus(workerId) + "/connected";
    }

    public static String workerQueue(String workerId) {
        return worker(workerId) + "/queue";
    }

    public static String workerEnabled(String workerId) {
        return worker(workerId) + "/enabled";
    }

    public static String workerUnlockTime(String workerId) {
        return worker(workerId) + "/unlock_time";
    }

    /** Extension: seconds (decimal text) the worker's last stage switch took, model download and load included. */
    public static String workerSwitchSeconds(String workerId) {
        return worker(workerId) + "/switch_seconds";
    }

    /** Extension: the stage the worker actually serves now (text), written after a successful switch. */
    public static String workerActiveStage(String workerId) {
        return worker(workerId) + "/active_stage";
    }

    /** Extension: why the worker's last stage configuration failed (text: stage, version, reason); gone once one succeeds. */
    public static String workerConfigFailure(String workerId) {
        return worker(workerId) + "/config_failure";
    }
}
