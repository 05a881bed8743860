package io.pero.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ExitCodes;
import io.pero.common.mq.management.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code pero-worker} in its own JVM, with the product's logback.xml, configured only by environment variables
 * ({@code PERO_ZOOKEEPER_SERVERS}, {@code PERO_PASSWORD}, {@code PERO_LOG_FORMAT=json}) as a container runs it.
 */
class WorkerJsonLogIT {
    /** Sent to RabbitMQ as the password of the default user, which refuses it: the worker logs the refusal and stops. */
    private static final String SECRET = "Xq7-not-the-guest-password-91";

    @RegisterExtension
    static final WorkerHarnessExtension services = new WorkerHarnessExtension();
    private final WorkerHarness h = services.harness();

    @Test
    void jsonLogLinesCarryLevelLoggerAndMessageAndNeverThePassword() throws Exception {
        Path stderr = services.dir().resolve("worker.err");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath, "-Dlogback.configurationFile=logback.xml", WorkerMain.class.getName(),
                "-i", WorkerHarness.newId(), "--cache-directory", h.cacheDir.toString(), "--disable-remote-logging",
                "--shutdown-timeout", "10", "-d"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("PERO_"));
        builder.environment().put("PERO_ZOOKEEPER_SERVERS", h.zooKeeper.connectString());
        builder.environment().put("PERO_PASSWORD", SECRET);
        builder.environment().put("PERO_LOG_FORMAT", "json");
        Process worker = builder.start();
        try {
            assertTrue(worker.waitFor(90, TimeUnit.SECONDS), "worker stops after RabbitMQ refused its login");
        } finally {
            worker.destroyForcibly();
        }
        String text = Files.readString(stderr);
        assertEquals(ExitCodes.BAD_CONFIG, worker.exitValue(), text);

        List<Map<?, ?>> lines = new ArrayList<>();
        for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
            Map<?, ?> object = assertInstanceOf(Map.class, Json.parse(line), "a JSON object per line: " + line);
            assertTrue(object.get("level") instanceof String && object.get("loggerName") instanceof String
                    && object.get("formattedMessage") instanceof String, line);
            lines.add(object);
        }
        assertTrue(lines.stream().anyMatch(l -> l.get("loggerName").toString().startsWith("io.pero.worker")
                && l.get("formattedMessage").toString().startsWith("worker starting")
                && l.get("formattedMessage").toString().contains("password=****")), text);
        assertTrue(lines.stream().anyMatch(l -> "ERROR".equals(l.get("level"))
                && l.get("formattedMessage").toString().contains("cannot use rabbitmq")), text);
        assertTrue(lines.stream().anyMatch(l -> "DEBUG".equals(l.get("level"))), "-d (the original's flag) logs at DEBUG: " + text);
        assertFalse(text.contains(SECRET), "the password appears nowhere in the log");
    }
}
