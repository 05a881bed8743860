package io.pero.cli.publish;

import com.google.protobuf.Timestamp;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files a downloaded message becomes inside {@code <dir>/<uuid>/}, byte for byte as {@code publisher.py} writes
 * them (spec §9.1 step 2-5), in the original's write order: {@code <uuid>_info.txt}, each result, each
 * {@code <stage>.log}, then {@code message_body}. A later file with the same name replaces an earlier one, as there.
 * Pure: nothing here touches the disk.
 */
public final class DownloadLayout {
    public static final String MESSAGE_BODY = "message_body";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final int MAX_NAME_BYTES = 240;

    /** One file to write: a name that is a single safe path component, and its bytes. */
    public record OutputFile(String name, byte[] content) {
    }

    /** The files, and a note for each name that had to be changed to stay inside the message directory. */
    public record Layout(List<OutputFile> files, List<String> renamed) {
        public Layout {
            files = List.copyOf(files);
            renamed = List.copyOf(renamed);
        }
    }

    private DownloadLayout() {
    }

    public static Layout of(ProcessingRequest message, byte[] body, boolean saveMessage) {
        List<OutputFile> files = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        files.add(new OutputFile(safe(message.getUuid() + "_info.txt", renamed), utf8(infoText(message))));
        for (Data result : message.getResultsList()) {
            files.add(new OutputFile(safe(result.getName(), renamed), result.getContent().toByteArray()));
        }
        for (StageLog log : message.getLogsList()) {
            files.add(new OutputFile(safe(log.getStage() + ".log", renamed), utf8(logText(log))));
        }
        if (saveMessage) {
            files.add(new OutputFile(MESSAGE_BODY, body));
        }
        return new Layout(files, renamed);
    }

    public static String infoText(ProcessingRequest m) {
        StringBuilder s = new StringBuilder()
                .append("Message id : ").append(m.getUuid()).append('\n')
                .append("Page uuid  : ").append(m.getPageUuid()).append('\n')
                .append("Start time : ").append(pythonIso(m.getStartTime())).append('\n')
                .append("Remaining processing stages:\n");
        m.getProcessingStagesList().forEach(stage -> s.append("  ").append(stage).append('\n'));
        return s.toString();
    }

    public static String logText(StageLog log) {
        return "Host id       : " + log.getHostId() + '\n'
                + "Stage         : " + log.getStage() + '\n'
                + "Start time    : " + pythonIso(log.getStart()) + '\n'
                + "End time      : " + pythonIso(log.getEnd()) + '\n'
                + "Status        : " + log.getStatus() + '\n'
                + "Stage version : " + log.getVersion() + '\n'
                + "*** Log ***\n"
                + log.getLog();
    }

    /**
     * Python's {@code Timestamp.ToDatetime().isoformat()}: naive UTC, microseconds (rounded toward zero) only when
     * non-zero; an unset timestamp is the epoch, {@code 1970-01-01T00:00:00}.
     */
    public static String pythonIso(Timestamp ts) {
        int micros = ts.getNanos() / 1000;
        LocalDateTime t = LocalDateTime.ofEpochSecond(ts.getSeconds(), micros * 1000, ZoneOffset.UTC);
        String seconds = SECONDS.format(t);
        return micros == 0 ? seconds : seconds + String.format(Locale.ROOT, ".%06d", micros);
    }

    /**
     * A name from a message made into one harmless path component: separators and control characters become
     * {@code _}, names of only dots and a leading {@code ..} are defused, overlong names are cut. Records a note when
     * the name changes.
     */
    // Differs from the original: it wrote Data.name as given, so "../x" escaped the output directory.
    static String safe(String name, List<String> renamed) {
        String s = safeName(name);
        if (!s.equals(name)) {
            renamed.add("'" + name + "' written as '" + s + "'");
        }
        return s;
    }

    public static String safeName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(c -> b.appendCodePoint(c == '/' || c == '\\' || Character.isISOControl(c) ? '_' : c));
        String s = b.toString();
        if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) {
            s = "_".repeat(Math.max(1, s.length()));
        } else if (s.startsWith("..")) {
            s = "__" + s.substring(2);
        }
        return truncate(s);
    }

    private static String truncate(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > MAX_NAME_BYTES) {
                break;
            }
            b.appendCodePoint(c);
            bytes += n;
            i += Character.charCount(c);
        }
        return b.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
