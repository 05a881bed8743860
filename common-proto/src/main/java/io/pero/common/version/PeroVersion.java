package io.pero.common.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code --version} prints in every command and daemon: {@code <command> <build version>}, the version the build
 * wrote into {@code version.properties} (the Maven project version).
 */
public final class PeroVersion implements IVersionProvider {
    @Spec
    CommandSpec spec;

    /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String build() {
        try (InputStream in = PeroVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version line of {@code command}. */
    public static String text(String command) {
        return command + " " + build() + " (pero-worker for the JVM)";
    }

    @Override
    public String[] getVersion() {
        return new String[] {text(spec != null ? spec.name() : "pero")};
    }
}
