package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pero.ocr.config.DeviceConfig;
import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.engine.OcrEngine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class PreparedEnginesTest {
    @TempDir
    Path dir;

    private final List<OcrEngine> opened = new CopyOnWriteArrayList<>();

    private OcrEngine open(OcrConfig config) {
        OcrEngine engine = OcrEngine.open(config);
        opened.add(engine);
        return engine;
    }

    @Test
    void thePreparedEngineGoesToTheFirstWorkerWithTheSameConfigurationEveryOtherGetsItsOwn() {
        OcrConfig config = OcrConfig.defaults();
        OcrConfig other = config.withDevice(new DeviceConfig(config.device().device(), 0, 1));
        try (PreparedEngines engines = new PreparedEngines(config, 1, this::open)) {
            OcrEngine first = engines.open(OcrConfig.defaults());
            OcrEngine second = engines.open(OcrConfig.defaults());
            OcrEngine differentConfig = engines.open(other);

            assertSame(opened.get(0), first);
            assertNotSame(first, second);
            assertEquals(3, opened.size());
            assertNotSame(second, differentConfig);
            opened.forEach(OcrEngine::close);
        }
    }

    @Test
    void anEngineNoWorkerTookIsClosed() {
        new PreparedEngines(OcrConfig.defaults(), 1, this::open).close();

        assertEquals(1, opened.size());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> opened.get(0).recognize(new Mat(8, 8, CvType.CV_8UC1), "page.png"));
        assertEquals("ocr engine is closed", e.getMessage());
    }

    /** What makes the hand-over work: the stage config a worker reads from its own stage directory equals ours. */
    @Test
    void theLocalStageConfigReadFromTwoStageDirectoriesIsEqual() throws Exception {
        assertEquals(OcrConfig.load(stageDir("ours")), OcrConfig.load(stageDir("worker-cache")));
    }

    private Path stageDir(String name) throws Exception {
        Path stage = Files.createDirectories(dir.resolve(name));
        try (InputStream in = getClass().getResourceAsStream("/io/pero/local/stage-ocr/config.ini")) {
            Files.copy(in, stage.resolve(OcrConfig.FILE_NAME));
        }
        return stage;
    }
}
