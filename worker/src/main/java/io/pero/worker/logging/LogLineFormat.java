package io.pero.worker.logging;

import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The original's worker log line (spec §6.1, §6.9): {@code <UTC asctime> <nodename> <worker_id> <LEVEL> <message>}, with
 * Python's asctime {@code yyyy-MM-dd HH:mm:ss,SSS} and Python level names (WARN is written WARNING).
 */
public final class LogLineFormat {
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS")
            .withZone(ZoneOffset.UTC);
    private static final String NODE_NAME = lookUpNodeName();

    private LogLineFormat() {
    }

    public static String line(Instant time, String nodeName, String workerId, String level, String message) {
        return ASCTIME.format(time) + " " + nodeName + " " + workerId + " " + pythonLevel(level) + " " + message;
    }

    /** The host name, as Python's {@code platform.node()}. */
    public static String nodeName() {
        return NODE_NAME;
    }

    private static String lookUpNodeName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    static String pythonLevel(String level) {
        return switch (level) {
            case "WARN" -> "WARNING";
            case "TRACE" -> "DEBUG";
            default -> level;
        };
    }
}
