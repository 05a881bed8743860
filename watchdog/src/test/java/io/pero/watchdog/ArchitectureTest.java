package io.pero.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decisions stay pure: {@code plan}, {@code snapshot} and {@code sim} use no ZooKeeper, AMQP or HTTP client. */
class ArchitectureTest {
    private static final List<String> FORBIDDEN = List.of("org.apache.curator", "org.apache.zookeeper", "com.rabbitmq", "java.net.http");

    @ParameterizedTest
    @ValueSource(strings = {"plan", "snapshot", "sim"})
    void packageUsesNoServiceClient(String pkg) throws IOException {
        Path dir = Path.of("src/main/java/io/pero/watchdog", pkg);
        List<String> offences = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty(), "no sources found in " + dir.toAbsolutePath());
        for (Path source : sources) {
            String text = Files.readString(source);
            FORBIDDEN.stream().filter(text::contains).forEach(f -> offences.add(source.getFileName() + " uses " + f));
        }
        assertEquals(List.of(), offences);
    }
}
