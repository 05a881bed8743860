package io.pero.worker.stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage data on local disk (spec §6.4): {@code <cache_dir>/pero-worker-<id>/<stage>/} holds the extracted model archive,
 * {@code config.ini} and {@code version.txt}; {@code <stage>.archive} is the temporary download. A stage counts as cached
 * only once {@code version.txt} is written, last, so a half-installed stage is never reused. A persistent cache (worker id
 * given) survives restarts; an auto-cleanup cache is deleted on {@link #close()}.
 */
public final class ModelCache implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ModelCache.class);
    static final String VERSION_FILE = "version.txt";
    static final String CONFIG_FILE = "config.ini";

    /** Whether the cache outlives the process. */
    public enum Retention { PERSISTENT, DELETE_ON_CLOSE }

    private final Path base;
    private final Retention retention;

    private ModelCache(Path base, Retention retention) {
        this.base = base;
        this.retention = retention;
    }

    /** Opens {@code <cacheDir>/pero-worker-<id>}; a persistent one keeps cached stages and deletes every other entry. */
    public static ModelCache open(Path cacheDir, String workerId, Retention retention) throws IOException {
        Path base = cacheDir.resolve("pero-worker-" + workerId);
        Files.createDirectories(base);
        ModelCache cache = new ModelCache(base, retention);
        cache.removeIncompleteEntries();
        return cache;
    }

    public Path base() {
        return base;
    }

    public Path stageDirectory(String stage) {
        return base.resolve(StageName.requireSafe(stage));
    }

    Path archivePath(String stage) {
        return base.resolve(StageName.requireSafe(stage) + ".archive");
    }

    /** The version of a completely installed stage. */
    public Optional<String> cachedVersion(String stage) {
        Path version = stageDirectory(stage).resolve(VERSION_FILE);
        try {
            return Files.isRegularFile(version) ? Optional.of(Files.readString(version, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            log.warn("cached version unreadable stage={} cause={}", stage, e.toString());
            return Optional.empty();
        }
    }

    /** An empty directory for the stage, replacing whatever was there. */
    Path freshStageDirectory(String stage) throws IOException {
        remove(stage);
        return Files.createDirectories(stageDirectory(stage));
    }

    /** Writes the ZooKeeper config (overwriting the archive's) and, last, the version: the stage is now cached. */
    void commit(String stage, String configText, String version) throws IOException {
        Path dir = stageDirectory(stage);
        Files.writeString(dir.resolve(CONFIG_FILE), configText, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(VERSION_FILE), version, StandardCharsets.UTF_8);
    }

    Path configFile(String stage) {
        return stageDirectory(stage).resolve(CONFIG_FILE);
    }

    /** Deletes the stage and its temporary archive; missing ones are fine. */
    public void remove(String stage) throws IOException {
        deleteTree(stageDirectory(stage));
        Files.deleteIfExists(archivePath(stage));
    }

    private void removeIncompleteEntries() throws IOException {
        try (Stream<Path> entries = Files.list(base)) {
            for (Path entry : entries.toList()) {
                if (!(Files.isDirectory(entry) && Files.isRegularFile(entry.resolve(VERSION_FILE)))) {
                    log.debug("cache entry removed path={}", entry);
                    deleteTree(entry);
                }
            }
        }
    }

    @Override
    public void close() {
        if (retention == Retention.DELETE_ON_CLOSE) {
            try {
                deleteTree(base);
            } catch (IOException e) {
                log.warn("model cache not removed path={} cause={}", base, e.toString());
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
