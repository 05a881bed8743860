package io.pero.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run with {@code --data-dir} has done, so that a run killed at any point and started again with the same
 * arguments uploads each page once and writes each result once. Two append-only files, each line forced to disk
 * before the step it records is considered done:
 * <ul>
 *   <li>{@code uploaded}: a page name, written after the broker confirmed the page's request;</li>
 *   <li>{@code finished}: {@code name TAB OK} or {@code name TAB FAILED TAB reason}, written after the page's result
 *       files are in place and before its message is acked.</li>
 * </ul>
 * A line cut short by a kill (no trailing newline) is ignored. Without a data directory the journal lives in memory.
 */
final class RunJournal implements AutoCloseable {
    /** A finished page: {@code reason} is empty when it succeeded. */
    record Finished(String name, boolean ok, String reason) {
    }

    static final String UPLOADED = "uploaded";
    static final String FINISHED = "finished";

    private final FileChannel uploadedFile;
    private final FileChannel finishedFile;
    private final Set<String> uploaded;
    private final Map<String, Finished> finished;

    private RunJournal(FileChannel uploadedFile, FileChannel finishedFile, Set<String> uploaded, Map<String, Finished> finished) {
        this.uploadedFile = uploadedFile;
        this.finishedFile = finishedFile;
        this.uploaded = uploaded;
        this.finished = finished;
    }

    static RunJournal inMemory() {
        return new RunJournal(null, null, new LinkedHashSet<>(), new LinkedHashMap<>());
    }

    static RunJournal open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path up = dir.resolve(UPLOADED);
        Path fin = dir.resolve(FINISHED);
        Set<String> uploaded = new LinkedHashSet<>(completeLines(up));
        Map<String, Finished> finished = new LinkedHashMap<>();
        for (String line : completeLines(fin)) {
            Finished f = parseFinished(line);
            if (f != null) {
                finished.put(f.name(), f);
            }
        }
        return new RunJournal(append(up), append(fin), uploaded, finished);
    }

    private static FileChannel append(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        ch.position(ch.size());
        // A kill can leave half a line; start our lines on a fresh one so the fragment stays a line of its own.
        if (ch.size() > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            if (last.get(0) != '\n') {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        }
        return ch;
    }

    /** The lines that ended with a newline; a trailing fragment was cut short by a kill and never counted. */
    static List<String> completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return text.substring(0, end).lines().filter(l -> !l.isEmpty()).toList();
    }

    static Finished parseFinished(String line) {
        String[] parts = line.split("\t", 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return null;
        }
        boolean ok = parts[1].equals("OK");
        return new Finished(parts[0], ok, ok || parts.length < 3 ? "" : parts[2]);
    }

    synchronized Set<String> uploaded() {
        return Set.copyOf(uploaded);
    }

    synchronized Map<String, Finished> finished() {
        return Map.copyOf(finished);
    }

    synchronized boolean isFinished(String name) {
        return finished.containsKey(name);
    }

    synchronized void recordUploaded(String name) {
        if (uploaded.add(name)) {
            write(uploadedFile, name);
        }
    }

    /** Records a page as finished; returns false (and records nothing) when it already was. */
    synchronized boolean recordFinished(Finished f) {
        if (finished.containsKey(f.name())) {
            return false;
        }
        finished.put(f.name(), f);
        String reason = f.reason().replace('\n', ' ').replace('\t', ' ');
        write(finishedFile, f.ok() ? f.name() + "\tOK" : f.name() + "\tFAILED\t" + reason);
        return true;
    }

    private static void write(FileChannel ch, String line) {
        if (ch == null) {
            return;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (uploadedFile != null) {
            uploadedFile.close();
            finishedFile.close();
        }
    }
}
