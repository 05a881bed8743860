package io.pero.ocr.stage;

import io.pero.ocr.config.ModelRef;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.config.RecognitionConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a stage archive must hold: {@code config.ini} and every model or dictionary file it refers to, as paths
 * relative to the stage directory (the worker extracts the archive into its stage directory and resolves the
 * config's paths there, as pero-ocr does). Bundled models ({@code builtin:} or absent keys) need no file.
 * A referenced file outside the stage directory is refused: the worker would not have it.
 */
final class StageFiles {
    private StageFiles() {
    }

    /** Entry names ('/'-separated, relative) in archive order: config.ini first. */
    static List<String> collect(Path stageDir) {
        Path root = stageDir.toAbsolutePath().normalize();
        OcrConfig config;
        try {
            config = OcrConfig.load(root);
        } catch (IllegalArgumentException e) {
            throw new StagePackException(e.getMessage(), e);
        }
        List<String> entries = new ArrayList<>(List.of(OcrConfig.FILE_NAME));
        for (Map.Entry<String, ModelRef> ref : references(config).entrySet()) {
            String entry = entryName(root, ref.getKey(), ref.getValue().file());
            if (!entries.contains(entry)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Map<String, ModelRef> references(OcrConfig config) {
        RecognitionConfig rec = config.recognition();
        Map<String, ModelRef> refs = new LinkedHashMap<>();
        put(refs, "[DETECTION] MODEL", config.detection().model());
        put(refs, "[RECOGNITION] MODEL", rec.model());
        put(refs, "[RECOGNITION] DICTIONARY", rec.dictionary());
        return refs;
    }

    private static void put(Map<String, ModelRef> refs, String key, ModelRef ref) {
        if (ref != null && !ref.isBuiltin()) {
            refs.put(key, ref);
        }
    }

    private static String entryName(Path root, String key, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(root) || absolute.equals(root)) {
            throw new StagePackException(root.resolve(OcrConfig.FILE_NAME) + " " + key + " refers to " + absolute
                    + ", outside the stage directory " + root + "; copy the file into the stage directory and give"
                    + " its path relative to it");
        }
        if (!Files.isRegularFile(absolute)) {
            throw new StagePackException(root.resolve(OcrConfig.FILE_NAME) + " " + key + ": " + absolute
                    + " is not a regular file");
        }
        List<String> parts = new ArrayList<>();
        root.relativize(absolute).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }
}
