package io.pero.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** pero-local in a JVM of its own (this test's class path), for what only a separate process shows: signals, kill -9. */
final class LocalProcess {
    static final Path SAMPLES = Path.of(System.getProperty("pero.shared.dir", "../testdata")).resolveSibling("samples");

    private LocalProcess() {
    }

    /** Starts {@code LocalMain} with {@code args}; its temporary files, stdout and stderr go into {@code dir}. */
    static Process start(Path dir, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + dir, "-cp",
                System.getProperty("java.class.path"), LocalMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    /** {@code count} copies of the small sample page in a new directory {@code name} under {@code dir}. */
    static Path pages(Path dir, String name, int count) throws IOException {
        Path pages = Files.createDirectories(dir.resolve(name));
        for (int i = 1; i <= count; i++) {
            Files.copy(SAMPLES.resolve("tess_phototest.tif"), pages.resolve("page" + i + ".tif"));
        }
        return pages;
    }

    /** Pages with a text result in {@code out} so far. */
    static long results(Path out) {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
