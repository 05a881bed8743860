package io.pero.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps a component README's configuration table honest: every config key has a row that states its default. */
public final class ReadmeTables {
    private ReadmeTables() {
    }

    /**
     * Fails unless each key of {@code keysToDefaults} appears as {@code `key`} in a table row of {@code readme} and that
     * row names the default (a null default is not checked).
     */
    public static void assertDocumented(Path readme, Map<String, String> keysToDefaults) {
        List<String> rows;
        try {
            rows = Files.readAllLines(readme).stream().filter(l -> l.startsWith("|")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        keysToDefaults.forEach((key, def) -> {
            List<String> matching = rows.stream().filter(r -> r.contains("`" + key + "`")).toList();
            if (matching.isEmpty()) {
                problems.add(key + ": no table row");
            } else if (def != null && matching.stream().noneMatch(r -> r.contains(def))) {
                problems.add(key + ": row does not state the default " + def);
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError(readme + " out of date with ConfigKeys: " + String.join("; ", problems));
        }
    }
}
