package io.pero.ocr.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.ocr.config.OcrConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample OCR stage shipped in sample-config/ loads, means the defaults, and packs into a one-file archive. */
class SampleStageConfigTest {
    private static final Path SAMPLE = Path.of("../sample-config/stages/ocr");

    @TempDir
    Path tmp;

    @Test
    void sampleStageIsTheDefaultsAndPacks() throws IOException {
        assertEquals(OcrConfig.defaults(), OcrConfig.load(SAMPLE));
        assertEquals(List.of("config.ini"), StagePacker.pack(SAMPLE, tmp.resolve("ocr.tar.gz")));
    }
}
