package io.pero.worker.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Routing is a pure decision: it must not talk to the broker, ZooKeeper or SFTP. */
class RoutingArchitectureTest {
    @Test
    void routingImportsNoClientLibrary() throws IOException {
        Path dir = Path.of("src/main/java/io/pero/worker/routing");
        List<String> offending;
        try (Stream<Path> files = Files.list(dir)) {
            offending = files.flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "))
                            .filter(l -> l.contains("org.apache.curator") || l.contains("com.rabbitmq")
                                    || l.contains("org.apache.sshd") || l.contains("org.apache.zookeeper"))
                            .map(l -> f.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offending);
    }
}
