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
        Files.writeString(stage.resolve("config.ini"), "[WORKER]\n# nothing for the engine\n[PAGE_PARSER]\nRUN_OCR = yes\n");
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
