package io.pero.ocr.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stage {@code config.ini} read the way Python's configparser (which pero-ocr uses) reads it: sections are
 * case-sensitive, keys are not, {@code key = value} or {@code key: value}, whole-line {@code #} and {@code ;}
 * comments. Kept here because the engine depends on no other module of ours.
 */
final class IniSections {
    private final String source;
    private final Map<String, Map<String, String>> sections;

    private IniSections(String source, Map<String, Map<String, String>> sections) {
        this.source = source;
        this.sections = sections;
    }

    static IniSections parse(String source, List<String> lines) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
                continue;
            }
            int sep = separator(line);
            if (current == null || sep <= 0) {
                throw new IllegalArgumentException(source + " line " + number + ": expected [SECTION] or KEY = VALUE, got '"
                        + line + "'");
            }
            current.put(line.substring(0, sep).strip().toLowerCase(Locale.ROOT), line.substring(sep + 1).strip());
        }
        return new IniSections(source, sections);
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    String source() {
        return source;
    }

    /** The value, or empty when the section or key is absent or the value is blank. */
    Optional<String> get(String section, String key) {
        Map<String, String> values = sections.get(section);
        if (values == null) {
            return Optional.empty();
        }
        String value = values.get(key.toLowerCase(Locale.ROOT));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
