package io.pero.ocr.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A stage {@code config.ini} read the way Python's configparser (which pero-ocr uses) reads it: sections are
 * case-sensitive, keys are not, {@code key = value} or {@code key: value}, whole-line {@code #} and {@code ;}
 * comments. Kept here because the engine depends on no other module of ours.
 */
final class IniSections {
    private final String source;
    private final Map<String, Map<String, String>> sections;
    /** Per section, each key as written in the file (keys are looked up lower-cased). */
    private final Map<String, Map<String, String>> spellings;
    /** "SECTION\0key" of every key a reader asked for, present or not: what the reader understands. */
    private final Set<String> consulted = new LinkedHashSet<>();

    private IniSections(String source, Map<String, Map<String, String>> sections,
                        Map<String, Map<String, String>> spellings) {
        this.source = source;
        this.sections = sections;
        this.spellings = spellings;
    }

    static IniSections parse(String source, List<String> lines) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, Map<String, String>> spellings = new LinkedHashMap<>();
        Map<String, String> current = null;
        Map<String, String> currentSpellings = null;
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1).strip();
                current = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
                currentSpellings = spellings.computeIfAbsent(name, k -> new LinkedHashMap<>());
                continue;
            }
            int sep = separator(line);
            if (current == null || sep <= 0) {
                throw new IllegalArgumentException(source + " line " + number + ": expected [SECTION] or KEY = VALUE, got '"
                        + line + "'");
            }
            String key = line.substring(0, sep).strip();
            current.put(key.toLowerCase(Locale.ROOT), line.substring(sep + 1).strip());
            currentSpellings.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
        }
        return new IniSections(source, sections, spellings);
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
        consulted.add(section + '\0' + key.toLowerCase(Locale.ROOT));
        Map<String, String> values = sections.get(section);
        if (values == null) {
            return Optional.empty();
        }
        String value = values.get(key.toLowerCase(Locale.ROOT));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The section names, in file order. */
    Set<String> sectionNames() {
        return sections.keySet();
    }

    /** The keys of a section as written in the file, in file order; empty for an absent section. */
    List<String> keysAsWritten(String section) {
        return List.copyOf(spellings.getOrDefault(section, Map.of()).values());
    }

    /** Per section, the keys some reader asked for (present or not), upper-cased as the documentation spells them. */
    Map<String, Set<String>> consultedKeys() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (String k : consulted) {
            int sep = k.indexOf('\0');
            keys.computeIfAbsent(k.substring(0, sep), s -> new LinkedHashSet<>())
                    .add(k.substring(sep + 1).toUpperCase(Locale.ROOT));
        }
        return keys;
    }
}
