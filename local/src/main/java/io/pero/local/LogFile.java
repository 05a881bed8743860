package io.pero.local;

import java.nio.file.Path;
import java.util.List;

/** Where the services' log goes: {@code DATA_DIR/pero-local.log} with {@code --data-dir}, else the temp directory. */
final class LogFile {
    private LogFile() {
    }

    static Path choose(String... args) {
        List<String> a = List.of(args);
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).equals("--data-dir") && i + 1 < a.size()) {
                return Path.of(a.get(i + 1), "pero-local.log");
            }
            if (a.get(i).startsWith("--data-dir=")) {
                return Path.of(a.get(i).substring("--data-dir=".length()), "pero-local.log");
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "pero-local-" + ProcessHandle.current().pid() + ".log");
    }
}
