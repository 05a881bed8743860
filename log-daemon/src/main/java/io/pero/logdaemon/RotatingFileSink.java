package io.pero.logdaemon;

import io.pero.common.config.ConfigException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends lines to the current log file in the output directory and rotates it by time. A file is opened lazily for
 * the first line after a rotation, so an idle daemon closes its file when the period ends but creates no empty files.
 * Retention runs at {@link #start()} and before each new file is created. Thread-safe: the consumer appends while a
 * timer rotates.
 */
final class RotatingFileSink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RotatingFileSink.class);
    private static final int BUFFER_CHARS = 64 * 1024;

    private final Path directory;
    private final RotationPolicy policy;
    private final Clock clock;
    private OpenFile openFile;
    private BufferedWriter writer;
    private long linesInFile;
    private boolean closed;
    private final LogdMetrics metrics;

    RotatingFileSink(Path directory, RotationPolicy policy, Clock clock) {
        this(directory, policy, clock, new LogdMetrics(clock));
    }

    RotatingFileSink(Path directory, RotationPolicy policy, Clock clock, LogdMetrics metrics) {
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Creates the directory if needed, proves it writable and applies retention.
     *
     * @throws ConfigException when the directory cannot be created or written
     */
    synchronized void start() {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".pero-logd-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ConfigException("output directory " + directory.toAbsolutePath() + " is not writable: " + e);
        }
        deleteOwnFiles(policy.toDeleteAtStartup(listNames()));
    }

    /** Writes {@code line} and a newline to the current file, rotating first if its period is over. */
    synchronized void append(String line) throws IOException {
        if (closed) {
            throw new IOException("log file sink is closed");
        }
        Instant now = clock.instant();
        if (openFile != null && policy.shouldRotate(openFile, now)) {
            closeCurrent("rotation_period");
        }
        if (openFile == null) {
            openNew(now);
        }
        writer.write(line);
        writer.write('\n');
        linesInFile++;
    }

    /** Hands everything appended so far to the operating system; after this returns the lines survive a daemon crash. */
    synchronized void flush() throws IOException {
        if (writer != null) {
            writer.flush();
        }
    }

    /** Closes the current file if its period is over; the next line opens a new one. Called by a timer. */
    synchronized void rotateIfDue() throws IOException {
        if (!closed && openFile != null && policy.shouldRotate(openFile, clock.instant())) {
            closeCurrent("rotation_period");
        }
    }

    synchronized Optional<Path> currentFile() {
        return Optional.ofNullable(openFile).map(f -> directory.resolve(f.name()));
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (openFile != null) {
            closeCurrent("shutdown");
        }
    }

    private void openNew(Instant now) throws IOException {
        deleteOwnFiles(policy.toDeleteBeforeNewFile(listNames()));
        OpenFile file = new OpenFile(LogFileName.of(now), now);
        Path path = directory.resolve(file.name());
        // Append mode: a name reused after a clock step back must not truncate what is there.
        writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), StandardCharsets.UTF_8), BUFFER_CHARS);
        openFile = file;
        linesInFile = 0;
        log.info("log file opened file={}", path);
    }

    private void closeCurrent(String reason) throws IOException {
        OpenFile file = openFile;
        long lines = linesInFile;
        BufferedWriter w = writer;
        openFile = null;
        writer = null;
        w.close();
        if (reason.equals("rotation_period")) {
            metrics.rotated();
        }
        log.info("log file closed file={} lines={} reason={}", directory.resolve(file.name()), lines, reason);
    }

    private List<String> listNames() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, Files::isRegularFile)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            log.warn("cannot list output directory for retention dir={} cause={}", directory, e.toString());
        }
        return names;
    }

    private void deleteOwnFiles(List<String> names) {
        for (String name : names) {
            try {
                Files.deleteIfExists(directory.resolve(name));
                log.info("log file deleted by retention file={} keep={}", directory.resolve(name), policy.keepFiles());
            } catch (IOException e) {
                log.warn("cannot delete old log file file={} cause={}", directory.resolve(name), e.toString());
            }
        }
    }
}
