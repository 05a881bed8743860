package io.pero.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.common.config.ConfigKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists exactly the [WATCHDOG] keys of ConfigKeys, with the same defaults. */
class ReadmeConfigTableTest {
    private static final Pattern ROW = Pattern.compile("^\\|[^|]*\\|[^|]*\\| `([a-z_]+)` \\| ([^|]*) \\|");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    @Test
    void readmeTableMatchesConfigKeys() throws Exception {
        Map<String, String> documented = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                Matcher value = CODE.matcher(row.group(2));
                documented.put(row.group(1), value.find() ? value.group(1) : "(none)");
            }
        }
        Map<String, String> keys = new TreeMap<>();
        ConfigKeys.ALL.stream().filter(k -> k.section().equals(ConfigKeys.WATCHDOG))
                .forEach(k -> keys.put(k.name(), k.defaultValue() == null ? "(none)" : k.defaultValue()));
        assertEquals(keys, documented);
    }
}
