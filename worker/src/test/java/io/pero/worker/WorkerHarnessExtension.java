package io.pero.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link WorkerHarness} for all tests of a class, on a temporary directory of its own: register it with
 * {@code @RegisterExtension static final WorkerHarnessExtension services = new WorkerHarnessExtension();} and take
 * {@link #harness()} in an instance field or a test (both come after the harness starts). One per class, not per test,
 * because starting ZooKeeper and the SFTP server is the slow part; tests keep apart by their unique queue names and ids.
 * A test that needs the harness built otherwise (TLS services, say) keeps its own set-up.
 */
final class WorkerHarnessExtension implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private WorkerHarness harness;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("pero-worker-it");
        harness = new WorkerHarness(dir.resolve("sftp"), Files.createDirectories(dir.resolve("cache")));
    }

    /** Runs also when {@link #beforeAll} failed half-way, so it closes and removes only what is there. */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (harness != null) {
                harness.close();
            }
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
            harness = null;
            dir = null;
        }
    }

    WorkerHarness harness() {
        if (harness == null) {
            throw new IllegalStateException("no harness: register the extension on a static field");
        }
        return harness;
    }

    /** The temporary directory: {@code sftp/} is the SFTP root, {@code cache/} the workers' cache; tests add their logs. */
    Path dir() {
        harness();
        return dir;
    }

    /** Throws where something cannot be removed, as {@code @TempDir} did, so that a leak does not pass unnoticed. */
    private static void deleteTree(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
