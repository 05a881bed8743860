package io.pero.worker.ocr;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import io.pero.common.config.IniFile;
import io.pero.worker.processing.ProcessorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage configured for the Python worker (a pero-ocr config.ini) is a configuration error (the worker reports
 * CONFIGURATION_FAILED with this message), never this engine silently running with its defaults.
 */
class OcrProcessorFactoryTest {
    @TempDir
    Path stage;

    @Test
    void aPeroOcrStageConfigFailsConfigurationNamingWhatIsNotUnderstood() throws IOException {
        String config = String.join("\n", "[PAGE_PARSER]", "RUN_LAYOUT_PARSER = yes", "RUN_OCR = yes",
                "[LINE_CROPPER]", "INTERP = 2", "[OCR]", "METHOD = pytorch_ocr", "OCR_JSON = ./ocr_engine.json", "");
        Files.writeString(stage.resolve("config.ini"), config);
        ProcessorContext context = new ProcessorContext("ocr_cz", stage, IniFile.parse(config, "config.ini"), "7");

        ConfigException e = assertThrows(ConfigException.class, () -> new OcrProcessorFactory().create(context));

        assertTrue(e.getMessage().startsWith("stage ocr_cz: "), e.getMessage());
        assertTrue(e.getMessage().contains("this is a pero-ocr configuration"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown sections [PAGE_PARSER], [LINE_CROPPER]; unknown keys [OCR] METHOD, "
                + "OCR_JSON."), e.getMessage());
    }
}
