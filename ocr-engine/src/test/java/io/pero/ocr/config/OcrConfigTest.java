package io.pero.ocr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OcrConfigTest {
    @TempDir
    Path stage;

    @Test
    void missingKeysTakeTheDefaults() throws IOException {
        Files.writeString(stage.resolve("config.ini"), "[WORKER]\n# nothing for the engine\nTIME_SCALE = 2\n[OCR]\n");
        assertEquals(OcrConfig.defaults(), OcrConfig.load(stage));
    }

    @Test
    void readsEveryKnownKeyWithPathsRelativeToTheStage() throws IOException {
        Files.createDirectories(stage.resolve("models"));
        Files.writeString(stage.resolve("models/rec.onnx"), "x");
        Files.writeString(stage.resolve("models/keys.txt"), "a\nb\n");
        Files.writeString(stage.resolve("config.ini"), String.join("\n",
                "[OCR]", "MAX_IMAGE_MEGAPIXELS = 50",
                "[DETECTION]", "MODEL = builtin:ch_PP-OCRv3_det_infer.onnx", "pixel_threshold: 0.25", "BOX_THRESHOLD=0.6",
                "UNCLIP_RATIO = 2.0", "TARGET_LINE_HEIGHT = 24", "MAX_MEGAPIXELS = 8", "TILE_SIZE = 512",
                "TILE_OVERLAP = 32",
                "[RECOGNITION]", "MODEL = models/rec.onnx", "DICTIONARY = models/keys.txt", "USE_SPACE_CHAR = no",
                "BATCH_SIZE = 4", "MIN_CONFIDENCE = 0.6", "MAX_LINE_WIDTH = 2000", "WIDTH_SCALE = 1", "RESTORE_UMLAUTS = no",
                "[LAYOUT]", "READING_ORDER = top_down", "DESKEW = off",
                "[DEVICE]", "DEVICE = gpu", "GPU_ID = 1", "THREADS = 3", ""));
        OcrConfig c = OcrConfig.load(stage);
        assertEquals(50, c.maxImageMegapixels());
        assertEquals(ModelRef.builtin("ch_PP-OCRv3_det_infer.onnx"), c.detection().model());
        assertEquals(new DetectionConfig(c.detection().model(), 0.25, 0.6, 2.0, 24, 8, 512, 32), c.detection());
        assertEquals(stage.resolve("models/rec.onnx"), c.recognition().model().file());
        assertEquals(stage.resolve("models/keys.txt"), c.recognition().dictionary().file());
        assertEquals(new RecognitionConfig(c.recognition().model(), c.recognition().dictionary(), false, 4, 0.6, 2000, 1.0, false),
                c.recognition());
        assertEquals(new LayoutConfig(ReadingOrderMode.TOP_DOWN, false), c.layout());
        assertEquals(new DeviceConfig(Device.GPU, 1, 3), c.device());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[DETECTION]\\nTILE_SIZE = 200|[DETECTION] TILE_SIZE=200: must be a multiple of 32",
        "[DETECTION]\\nBOX_THRESHOLD = high|[DETECTION] BOX_THRESHOLD=high: not a number",
        "[DETECTION]\\nPIXEL_THRESHOLD = 1.5|[DETECTION] PIXEL_THRESHOLD=1.5: must be between",
        "[DEVICE]\\nDEVICE = tpu|[DEVICE] DEVICE=tpu: must be one of cpu, gpu",
        "[DEVICE]\\nTHREADS = -1|[DEVICE] THREADS=-1: must be between 0 and 256",
        "[LAYOUT]\\nDESKEW = maybe|[LAYOUT] DESKEW=maybe: must be yes/no",
        "[RECOGNITION]\\nMODEL = missing.onnx\\nDICTIONARY = keys.txt|[RECOGNITION] MODEL=missing.onnx: file",
        "[RECOGNITION]\\nMODEL = builtin:en_PP-OCRv4_rec.onnx\\nBATCH_SIZE = 1000|[RECOGNITION] BATCH_SIZE=1000",
        "KEY = before any section|line 1: expected [SECTION] or KEY = VALUE",
    })
    void badValuesNameFileSectionAndKey(String ini, String expected) throws IOException {
        Files.writeString(stage.resolve("config.ini"), ini.replace("\\n", "\n") + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OcrConfig.load(stage));
        assertTrue(e.getMessage().contains(stage.resolve("config.ini").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** A pero-ocr (PyTorch) stage config, as uploaded for the Python worker: refused, naming what is not understood. */
    @Test
    void aPeroOcrConfigurationIsRefusedNamingWhatIsNotUnderstood() throws IOException {
        Files.writeString(stage.resolve("config.ini"), String.join("\n",
                "[PAGE_PARSER]", "RUN_LAYOUT_PARSER = yes", "RUN_LINE_CROPPER = yes", "RUN_OCR = yes",
                "[PARSE_FOLDER]", "INPUT_IMAGE_PATH =", "OUTPUT_XML_PATH = ./xml",
                "[LAYOUT_PARSER_1]", "METHOD = LAYOUT_CNN", "MODEL_PATH = ./ParseNet_exported.pt", "USE_CPU = no",
                "[LINE_PARSER]", "METHOD = LINE_CNN",
                "[LINE_CROPPER]", "INTERP = 2", "LINE_HEIGHT = 40",
                "[OCR]", "METHOD = pytorch_ocr", "OCR_JSON = ./ocr_engine.json", "USE_CPU = no", ""));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OcrConfig.load(stage));

        assertTrue(e.getMessage().startsWith(stage.resolve("config.ini") + ": this is a pero-ocr configuration"),
                e.getMessage());
        assertTrue(e.getMessage().contains("unknown sections [PAGE_PARSER], [PARSE_FOLDER], [LAYOUT_PARSER_1], "
                + "[LINE_PARSER], [LINE_CROPPER]; unknown keys [OCR] METHOD, OCR_JSON, USE_CPU."), e.getMessage());
        assertTrue(e.getMessage().contains("This engine reads [OCR] MAX_IMAGE_MEGAPIXELS; [DETECTION] MODEL"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[DETECTION]\\nMODEL = builtin:ch_PP-OCRv4_det_infer.onnx\\nTHRESHOLD = 0.3|unknown key [DETECTION] THRESHOLD.",
        "[RECOGNITION]\\nrestore_umlaut = no|unknown key [RECOGNITION] restore_umlaut.",
        "[DEVICE]\\nUSE_CPU = no\\nGPU = 1|: this is a pero-ocr configuration, which this engine cannot run",
        "[DEVICE]\\nGPU = 1\\nCUDA = 12|unknown keys [DEVICE] GPU, CUDA.",
        "[Recognition]\\nMODEL = builtin:ch_PP-OCRv3_rec_infer.onnx|unknown section [Recognition].",
        "[OCR]\\n[DETECTOR]\\nMODEL = d.onnx\\n[DEVICE]\\nTHREAD = 2|unknown section [DETECTOR]; unknown key [DEVICE] THREAD.",
    })
    void anUnknownSectionOrKeyIsAnErrorNotIgnored(String ini, String expected) throws IOException {
        Files.writeString(stage.resolve("config.ini"), ini.replace("\\n", "\n") + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OcrConfig.load(stage));
        assertTrue(e.getMessage().startsWith(stage.resolve("config.ini").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void anUnknownKeyIsReportedBeforeABadValueElsewhere() throws IOException {
        Files.writeString(stage.resolve("config.ini"), "[DETECTION]\nTILE_SIZE = 200\n[RECOGNITION]\nMODELL = x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OcrConfig.load(stage));
        assertTrue(e.getMessage().contains("unknown key [RECOGNITION] MODELL."), e.getMessage());
    }

    /** The declared list (used for the check and the error message) is exactly what the loader reads. */
    @Test
    void theDeclaredKeysAreTheKeysTheLoaderReads() {
        java.util.Map<String, java.util.Set<String>> declared = new java.util.LinkedHashMap<>();
        OcrConfigLoader.KEYS.forEach((section, keys) -> declared.put(section, java.util.Set.copyOf(keys)));
        java.util.Map<String, java.util.Set<String>> read = new java.util.LinkedHashMap<>();
        OcrConfigLoader.keysRead().forEach((section, keys) -> read.put(section, java.util.Set.copyOf(keys)));
        assertEquals(declared, read);
    }

    @Test
    void aModelFileNeedsItsDictionary() throws IOException {
        Files.writeString(stage.resolve("rec.onnx"), "x");
        Files.writeString(stage.resolve("config.ini"), "[RECOGNITION]\nMODEL = rec.onnx\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OcrConfig.load(stage));
        assertTrue(e.getMessage().contains("[RECOGNITION] DICTIONARY="), e.getMessage());
    }

    @Test
    void missingConfigFileIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OcrConfig.load(stage));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void automaticChoicesResolve() {
        RecognitionConfig r = OcrConfig.defaults().recognition();
        assertNull(r.model());
        assertEquals(1, r.effectiveBatchSize(false));
        assertEquals(16, r.effectiveBatchSize(true));
        assertTrue(OcrConfig.defaults().device().effectiveThreads() >= 1);
    }
}
