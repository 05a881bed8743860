package io.pero.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the repository's {@code certs/generate.sh}, so TLS tests use exactly the certificates and stores an operator
 * would make. Skips the calling test, with the reason, where bash, openssl or keytool is missing.
 */
public final class CertificateScript {
    private static final long TIMEOUT_SECONDS = 120;

    private CertificateScript() {
    }

    /** {@code certs/generate.sh -o dir extraArgs...}; returns {@code dir}. */
    public static Path generate(Path dir, String... extraArgs) {
        Path script = locate();
        for (String tool : List.of("bash", "openssl", "keytool")) {
            Assumptions.assumeTrue(onPath(tool), () -> "certs/generate.sh needs " + tool + ", which is not on the PATH");
        }
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "-o", dir.toAbsolutePath().toString()));
        command.addAll(List.of(extraArgs));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(script + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + script, e);
        }
    }

    /** The script, found from the module directory the tests run in (or any directory below the repository root). */
    static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("certs/generate.sh");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("certs/generate.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
