package io.pero.logdaemon;

import io.pero.common.config.ConfigKeys;
import io.pero.testing.ReadmeTables;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's configuration table documents every [LOGD] key of ConfigKeys with its default. */
class ReadmeConfigTableTest {
    @Test
    void readmeDocumentsEveryKeyWithItsDefault() {
        Map<String, String> keys = new HashMap<>();
        ConfigKeys.ALL.stream().filter(k -> k.section().equals(ConfigKeys.LOGD))
                .forEach(k -> keys.put(k.name(), k.defaultValue()));
        ReadmeTables.assertDocumented(Path.of("README.md"), keys);
    }
}
