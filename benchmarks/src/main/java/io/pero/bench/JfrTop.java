package io.pero.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** A Java Flight Recorder recording of part of a benchmark, and its hottest methods by execution samples (top frame). */
final class JfrTop {
    /** A running recording; closing it stops it and writes the file. */
    static final class Recording implements AutoCloseable {
        private final jdk.jfr.Recording recording;
        private final Path file;

        private Recording(jdk.jfr.Recording recording, Path file) {
            this.recording = recording;
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            recording.stop();
            recording.dump(file);
            recording.close();
        }
    }

    private JfrTop() {
    }

    /** Starts a recording with the JDK's "profile" settings (execution samples every 10 ms per thread). */
    static Recording start(Path file) throws IOException, ParseException {
        jdk.jfr.Recording r = new jdk.jfr.Recording(Configuration.getConfiguration("profile"));
        r.start();
        return new Recording(r, file);
    }

    /** The {@code n} methods most often on top of a sampled stack, with their share of all samples. */
    static List<String> top(Path file, int n) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null
                    || e.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            RecordedFrame top = e.getStackTrace().getFrames().get(0);
            counts.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            total++;
        }
        int all = Math.max(1, total);
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .map(en -> String.format(Locale.ROOT, "%5.1f%%  %s", 100.0 * en.getValue() / all, en.getKey())).toList();
    }
}
