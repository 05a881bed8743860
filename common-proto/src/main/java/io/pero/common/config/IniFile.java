package io.pero.common.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.InvalidFileFormatException;
import org.ini4j.Profile;

/**
 * A parsed ini file (component configs and stage {@code config.ini}) that remembers where it came from,
 * so errors can name file, section and key. Section names are case-sensitive and keys are not, as in Python's
 * configparser (it lower-cases keys): a lookup tries the key as given, then any spelling of it.
 */
public final class IniFile {
    private final Ini ini;
    private final String source;

    private IniFile(Ini ini, String source) {
        this.ini = ini;
        this.source = source;
    }

    public static IniFile load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(path + ": config file does not exist or is not a file");
        }
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(r, path.toString());
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read config file: " + e.getMessage(), e);
        }
    }

    public static IniFile parse(String text, String source) {
        try {
            return parse(new StringReader(text), source);
        } catch (IOException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
    }

    private static IniFile parse(Reader reader, String source) throws IOException {
        Config cfg = new Config();
        cfg.setEscape(false);
        cfg.setMultiOption(false);
        cfg.setGlobalSection(true);
        cfg.setGlobalSectionName("__global__");
        cfg.setEmptyOption(true);
        Ini ini = new Ini();
        ini.setConfig(cfg);
        try {
            ini.load(reader);
        } catch (InvalidFileFormatException e) {
            throw new ConfigException(source + ": malformed ini: " + e.getMessage(), e);
        }
        return new IniFile(ini, source);
    }

    public String source() {
        return source;
    }

    public boolean hasSection(String section) {
        return ini.get(section) != null;
    }

    public Set<String> sections() {
        return ini.keySet();
    }

    /** The trimmed value, empty when the section or key is missing. */
    public Optional<String> get(String section, String key) {
        Profile.Section s = ini.get(section);
        if (s == null) {
            return Optional.empty();
        }
        String v = s.get(key);
        if (v == null) {
            v = s.keySet().stream().filter(key::equalsIgnoreCase).findFirst().map(s::get).orElse(null);
        }
        return Optional.ofNullable(v).map(String::trim);
    }

    /** True when the key is present with a non-empty value (the original's factory test, spec §6.6). */
    public boolean isSetNonEmpty(String section, String key) {
        return get(section, key).filter(v -> !v.isEmpty()).isPresent();
    }

    public Optional<Double> getDouble(String section, String key) {
        return get(section, key).filter(v -> !v.isEmpty()).map(v -> {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(source + " [" + section + "] " + key + "=" + v + ": not a number");
            }
        });
    }

    public Optional<Long> getLong(String section, String key) {
        return get(section, key).filter(v -> !v.isEmpty()).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(source + " [" + section + "] " + key + "=" + v + ": not an integer");
            }
        });
    }

    /** Python-style truthiness used by the original for flags: {@code True}, {@code true}, {@code 1}, {@code yes}, {@code on}. */
    public Optional<Boolean> getBoolean(String section, String key) {
        return get(section, key).filter(v -> !v.isEmpty()).map(v -> switch (v.toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ConfigException(source + " [" + section + "] " + key + "=" + v + ": not a boolean (true/false/1/0)");
        });
    }
}
