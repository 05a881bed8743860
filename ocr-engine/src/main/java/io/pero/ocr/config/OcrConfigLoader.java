package io.pero.ocr.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a stage's config.ini into an {@link OcrConfig}, validating every value in one place. A section or key this
 * engine does not read is an error, not silently ignored: a pero-ocr (PyTorch) configuration uploaded for this worker
 * would otherwise run this engine with defaults and give users output they did not configure.
 */
final class OcrConfigLoader {
    /** Every section and key the engine reads: the one list of its config keys (README and sample config follow it). */
    static final Map<String, List<String>> KEYS = keys(
            "OCR", List.of("MAX_IMAGE_MEGAPIXELS"),
            "DETECTION", List.of("MODEL", "PIXEL_THRESHOLD", "BOX_THRESHOLD", "UNCLIP_RATIO", "TARGET_LINE_HEIGHT",
                    "MAX_MEGAPIXELS", "TILE_SIZE", "TILE_OVERLAP"),
            "RECOGNITION", List.of("MODEL", "DICTIONARY", "USE_SPACE_CHAR", "BATCH_SIZE", "MIN_CONFIDENCE",
                    "MAX_LINE_WIDTH", "WIDTH_SCALE", "RESTORE_UMLAUTS"),
            "LAYOUT", List.of("READING_ORDER", "DESKEW"),
            "DEVICE", List.of("DEVICE", "GPU_ID", "THREADS"));
    /**
     * Read by the worker before the engine (DUMMY, FAILTEST and the dummy's timing keys, spec §6.6); a stage that gets
     * here has neither DUMMY nor FAILTEST set, and what else the section holds is the worker's business.
     */
    static final String WORKER_SECTION = "WORKER";
    /** Sections of pero-ocr's page parser (its config files name them so); used to say what the file is. */
    private static final Pattern PERO_OCR_SECTION = Pattern.compile(
            "PAGE_PARSER|PARSE_FOLDER|LAYOUT_PARSER(_\\d+)?|LINE_PARSER|LINE_CROPPER|DECODER|REGION_SORTER"
                    + "|SMART_SORTING|.*POSTPROCESS.*");
    /** Keys of pero-ocr's own [OCR] section. */
    private static final Set<String> PERO_OCR_KEYS = Set.of("METHOD", "OCR_JSON", "USE_CPU", "MODEL_PATH");

    private final IniSections ini;
    private final Path stageDir;

    private OcrConfigLoader(IniSections ini, Path stageDir) {
        this.ini = ini;
        this.stageDir = stageDir;
    }

    static OcrConfig load(Path stageDir) {
        Path file = stageDir.resolve(OcrConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": stage config file does not exist");
        }
        try {
            return new OcrConfigLoader(IniSections.parse(file.toString(),
                    Files.readAllLines(file, StandardCharsets.UTF_8)), stageDir).read();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** For tests and callers that hold the text, not a file. */
    static OcrConfig parse(String text, Path stageDir) {
        return new OcrConfigLoader(IniSections.parse(stageDir.resolve(OcrConfig.FILE_NAME).toString(),
                text.lines().toList()), stageDir).read();
    }

    /** The keys {@link #read()} asks for on a config without any: lets a test hold {@link #KEYS} to the code. */
    static Map<String, Set<String>> keysRead() {
        OcrConfigLoader loader = new OcrConfigLoader(IniSections.parse("empty", List.of()), Path.of("."));
        loader.read();
        return loader.ini.consultedKeys();
    }

    private static Map<String, List<String>> keys(Object... sectionsAndKeys) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (int i = 0; i < sectionsAndKeys.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) sectionsAndKeys[i + 1];
            keys.put((String) sectionsAndKeys[i], names);
        }
        return java.util.Collections.unmodifiableMap(keys);
    }

    private OcrConfig read() {
        rejectWhatIsNotUnderstood();
        OcrConfig d = OcrConfig.defaults();
        double maxImage = number("OCR", "MAX_IMAGE_MEGAPIXELS", d.maxImageMegapixels(), 0.01, 1e6);
        return new OcrConfig(maxImage, detection(d.detection()), recognition(d.recognition()), layout(d.layout()),
                device(d.device()));
    }

    /**
     * Fails on sections and keys outside {@link #KEYS}, naming each; when they look like pero-ocr's, says that the file
     * is a pero-ocr configuration, which this engine cannot run.
     */
    private void rejectWhatIsNotUnderstood() {
        List<String> unknownSections = new ArrayList<>();
        List<String> unknownKeys = new ArrayList<>();
        boolean peroOcr = false;
        for (String section : ini.sectionNames()) {
            if (section.equals(WORKER_SECTION)) {
                continue;
            }
            List<String> known = KEYS.get(section);
            if (known == null) {
                unknownSections.add("[" + section + "]");
                peroOcr |= PERO_OCR_SECTION.matcher(section).matches();
                continue;
            }
            List<String> unknown = ini.keysAsWritten(section).stream()
                    .filter(k -> !known.contains(k.toUpperCase(Locale.ROOT))).toList();
            if (!unknown.isEmpty()) {
                unknownKeys.add("[" + section + "] " + String.join(", ", unknown));
                peroOcr |= unknown.stream().anyMatch(k -> PERO_OCR_KEYS.contains(k.toUpperCase(Locale.ROOT)));
            }
        }
        if (unknownSections.isEmpty() && unknownKeys.isEmpty()) {
            return;
        }
        StringBuilder why = new StringBuilder(ini.source()).append(": ");
        if (peroOcr) {
            why.append("this is a pero-ocr configuration, which this engine cannot run (it has its own models and keys); ");
        }
        List<String> parts = new ArrayList<>();
        if (!unknownSections.isEmpty()) {
            parts.add("unknown section" + (unknownSections.size() > 1 ? "s " : " ") + String.join(", ", unknownSections));
        }
        if (!unknownKeys.isEmpty()) {
            parts.add("unknown key" + (unknownKeys.size() > 1 || unknownKeys.get(0).contains(",") ? "s " : " ")
                    + String.join("; ", unknownKeys));
        }
        why.append(String.join("; ", parts)).append(". This engine reads ");
        List<String> known = new ArrayList<>();
        KEYS.forEach((section, keys) -> known.add("[" + section + "] " + String.join(", ", keys)));
        why.append(String.join("; ", known)).append(" (see ocr-engine/README.md)");
        throw new IllegalArgumentException(why.toString());
    }

    private DetectionConfig detection(DetectionConfig d) {
        String s = "DETECTION";
        int tile = integer(s, "TILE_SIZE", d.tileSize(), 128, 4096);
        requireMultipleOf32(s, "TILE_SIZE", tile);
        int overlap = integer(s, "TILE_OVERLAP", d.tileOverlap(), 0, tile / 2);
        requireMultipleOf32(s, "TILE_OVERLAP", overlap);
        return new DetectionConfig(model(s, "MODEL").orElse(d.model()),
                number(s, "PIXEL_THRESHOLD", d.pixelThreshold(), 0.01, 0.99),
                number(s, "BOX_THRESHOLD", d.boxThreshold(), 0.0, 1.0),
                number(s, "UNCLIP_RATIO", d.unclipRatio(), 0.5, 5.0),
                integer(s, "TARGET_LINE_HEIGHT", d.targetLineHeight(), 8, 200),
                number(s, "MAX_MEGAPIXELS", d.maxMegapixels(), 0.1, 400), tile, overlap);
    }

    private RecognitionConfig recognition(RecognitionConfig d) {
        String s = "RECOGNITION";
        Optional<ModelRef> model = model(s, "MODEL");
        Optional<ModelRef> dictionary = model(s, "DICTIONARY");
        if (model.isPresent() && !model.get().isBuiltin() && dictionary.isEmpty()) {
            throw error(s, "DICTIONARY", "", "required when MODEL is a model file (" + model.get() + ")");
        }
        return new RecognitionConfig(model.orElse(null), dictionary.orElse(null),
                bool(s, "USE_SPACE_CHAR", d.useSpaceChar()),
                integer(s, "BATCH_SIZE", d.batchSize(), 0, 256),
                number(s, "MIN_CONFIDENCE", d.minConfidence(), 0.0, 1.0),
                integer(s, "MAX_LINE_WIDTH", d.maxLineWidth(), 64, 20000),
                number(s, "WIDTH_SCALE", d.widthScale(), 0.3, 2.0),
                bool(s, "RESTORE_UMLAUTS", d.restoreUmlauts()));
    }

    private LayoutConfig layout(LayoutConfig d) {
        ReadingOrderMode order = ini.get("LAYOUT", "READING_ORDER")
                .map(v -> enumValue(ReadingOrderMode.class, "LAYOUT", "READING_ORDER", v))
                .orElse(d.readingOrder());
        return new LayoutConfig(order, bool("LAYOUT", "DESKEW", d.deskew()));
    }

    private DeviceConfig device(DeviceConfig d) {
        Device device = ini.get("DEVICE", "DEVICE").map(v -> enumValue(Device.class, "DEVICE", "DEVICE", v))
                .orElse(d.device());
        return new DeviceConfig(device, integer("DEVICE", "GPU_ID", d.gpuId(), 0, 64),
                integer("DEVICE", "THREADS", d.threads(), 0, 256));
    }

    private Optional<ModelRef> model(String section, String key) {
        return ini.get(section, key).map(value -> {
            if (value.startsWith("builtin:")) {
                return ModelRef.builtin(value.substring("builtin:".length()).strip());
            }
            Path path = stageDir.resolve(value).normalize();
            if (!Files.isRegularFile(path)) {
                throw error(section, key, value, "file " + path + " does not exist: the stage directory (in a worker, the"
                        + " stage's model archive) has no " + value);
            }
            return ModelRef.ofFile(path);
        });
    }

    private double number(String section, String key, double fallback, double min, double max) {
        Optional<String> raw = ini.get(section, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(raw.get());
        } catch (NumberFormatException e) {
            throw error(section, key, raw.get(), "not a number");
        }
        if (!(value >= min && value <= max)) {
            throw error(section, key, raw.get(), "must be between " + min + " and " + max);
        }
        return value;
    }

    private int integer(String section, String key, int fallback, int min, int max) {
        Optional<String> raw = ini.get(section, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw error(section, key, raw.get(), "not an integer");
        }
        if (value < min || value > max) {
            throw error(section, key, raw.get(), "must be between " + min + " and " + max);
        }
        return value;
    }

    private boolean bool(String section, String key, boolean fallback) {
        Optional<String> raw = ini.get(section, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on" -> true;
            case "0", "no", "false", "off" -> false;
            default -> throw error(section, key, raw.get(), "must be yes/no, true/false, on/off or 1/0");
        };
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String section, String key, String raw) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw error(section, key, raw, "must be one of " + allowed);
        }
    }

    private void requireMultipleOf32(String section, String key, int value) {
        if (value % 32 != 0) {
            throw error(section, key, Integer.toString(value), "must be a multiple of 32");
        }
    }

    private IllegalArgumentException error(String section, String key, String value, String why) {
        return new IllegalArgumentException(ini.source() + " [" + section + "] " + key + "=" + value + ": " + why);
    }
}
