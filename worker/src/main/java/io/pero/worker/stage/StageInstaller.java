package io.pero.worker.stage;

import io.pero.common.config.ConfigException;
import io.pero.common.config.IniFile;
import io.pero.common.zk.ZkCodecs;
import io.pero.common.zk.ZkPaths;
import io.pero.worker.processing.ProcessorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a stage's data available in the {@link ModelCache} (spec §6.3 step 6, §6.4): reuses it when the cached version
 * equals the ZooKeeper {@code config_version} (and that is not empty), otherwise downloads {@code config_path} (when set),
 * extracts it, and writes {@code config.ini} from the ZooKeeper {@code config} node. A failure removes the stage from the
 * cache.
 */
public final class StageInstaller {
    private static final Logger log = LoggerFactory.getLogger(StageInstaller.class);

    private final CuratorFramework zk;
    private final ModelCache cache;
    private final ModelSource source;
    private final ArchiveExtractor extractor;
    private final DownloadObserver downloads;
    private final ConfigFailureRecorder failures;

    /** Told of each completed model download: archive size and the time download and extraction took. */
    public interface DownloadObserver {
        void downloaded(long bytes, java.time.Duration took);
    }

    public StageInstaller(CuratorFramework zk, ModelCache cache, ModelSource source, ArchiveExtractor extractor) {
        this(zk, cache, source, extractor, (bytes, took) -> { });
    }

    public StageInstaller(CuratorFramework zk, ModelCache cache, ModelSource source, ArchiveExtractor extractor,
                          DownloadObserver downloads) {
        this.zk = zk;
        this.cache = cache;
        this.source = source;
        this.extractor = extractor;
        this.downloads = downloads;
        this.failures = new ConfigFailureRecorder(zk);
    }

    /** The shared per-stage count of failed configurations. */
    public ConfigFailureRecorder failures() {
        return failures;
    }

    /** The stage config version from ZooKeeper. */
    public String configVersion(String stage) throws Exception {
        return ZkCodecs.text(zk.getData().forPath(ZkPaths.stageConfigVersion(StageName.requireSafe(stage))));
    }

    /** Installs (or reuses) {@code stage} at {@code version}; what a processor factory needs to build the processor. */
    public ProcessorContext install(String stage, String version) throws Exception {
        StageName.requireSafe(stage);
        boolean cached = !version.isEmpty() && cache.cachedVersion(stage).filter(version::equals).isPresent();
        if (cached) {
            log.debug("stage data reused from cache stage={} version={}", stage, version);
        } else {
            try {
                download(stage, version);
            } catch (Exception e) {
                removeQuietly(stage);
                throw e;
            }
        }
        try {
            IniFile config = IniFile.load(cache.configFile(stage));
            return new ProcessorContext(stage, cache.stageDirectory(stage), config, version);
        } catch (ConfigException e) {
            removeQuietly(stage);
            throw e;
        }
    }

    private void download(String stage, String version) throws Exception {
        String config = readConfig(stage);
        String remotePath = readOptional(ZkPaths.stageConfigPath(stage)).trim();
        Path dir = cache.freshStageDirectory(stage);
        if (!remotePath.isEmpty()) {
            Path archive = cache.archivePath(stage);
            long t0 = System.nanoTime();
            try {
                source.download(remotePath, archive);
                long bytes = Files.size(archive);
                extractor.extract(archive, dir);
                downloads.downloaded(bytes, java.time.Duration.ofNanos(System.nanoTime() - t0));
            } catch (IOException e) {
                throw new IOException("download model stage=" + stage + " version=" + version + " from " + remotePath
                        + ": " + e.getMessage(), e);
            } finally {
                Files.deleteIfExists(archive);
            }
            log.info("stage model downloaded stage={} version={} path={} took_ms={}", stage, version, remotePath,
                    (System.nanoTime() - t0) / 1_000_000);
        }
        cache.commit(stage, config, version);
    }

    private String readConfig(String stage) throws Exception {
        try {
            return ZkCodecs.text(zk.getData().forPath(ZkPaths.stageConfig(stage)));
        } catch (KeeperException.NoNodeException e) {
            throw new ConfigException("stage " + stage + " has no configuration: " + ZkPaths.stageConfig(stage)
                    + " does not exist (upload one with pero-stage-config -n " + stage + " -c FILE)");
        }
    }

    private String readOptional(String path) throws Exception {
        try {
            return ZkCodecs.text(zk.getData().forPath(path));
        } catch (KeeperException.NoNodeException e) {
            return "";
        }
    }

    /** Drops the stage from the cache, e.g. after its processor failed to load. */
    public void removeQuietly(String stage) {
        try {
            cache.remove(stage);
        } catch (IOException | RuntimeException e) {
            log.warn("stage not removed from cache stage={} cause={}", stage, e.toString());
        }
    }
}
