package io.pero.ocr.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Turns a stage's config.ini into an {@link OcrConfig}, validating every value in one place. */
final class OcrConfigLoader {
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

    private OcrConfig read() {
        OcrConfig d = OcrConfig.defaults();
        double maxImage = number("OCR", "MAX_IMAGE_MEGAPIXELS", d.maxImageMegapixels(), 0.01, 1e6);
        return new OcrConfig(maxImage, detection(d.detection()), recognition(d.recognition()), layout(d.layout()),
                device(d.device()));
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
                throw error(section, key, value, "file " + path + " does not exist");
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
