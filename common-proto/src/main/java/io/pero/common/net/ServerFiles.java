package io.pero.common.net;

import io.pero.common.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Server lists read from a file given on the command line: one {@code host[:port]} per line (spec §4.1). */
public final class ServerFiles {
    private ServerFiles() {
    }

    /**
     * Every server in {@code file}; blank lines and {@code #} comments are skipped.
     *
     * @throws ConfigException naming the option and file when it cannot be read, holds a bad entry or no server
     */
    public static List<ServerAddress> read(Path file, String option) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(option + " " + file + ": cannot read: " + e.getMessage(), e);
        }
        ServerListParser.Result parsed = ServerListParser.parse(lines);
        if (!parsed.ok()) {
            // Differs from the original: bad entries are an error, not silently skipped (spec §4.1).
            throw new ConfigException(option + " " + file + ": " + String.join("; ", parsed.errors()));
        }
        if (parsed.servers().isEmpty()) {
            throw new ConfigException(option + " " + file + ": no servers listed");
        }
        return parsed.servers();
    }
}
