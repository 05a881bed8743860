package io.pero.ocr.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.ocr.config.ModelRef;
import io.pero.ocr.config.RecognitionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The default recognizer is the English one committed with the module, whatever tools the build machine had. */
class ModelChoiceTest {

    @Test
    void theDefaultRecognizerIsTheBundledEnglishModelWithItsDictionary() {
        ModelChoice choice = ModelChoice.of(RecognitionConfig.defaults());
        assertEquals(ModelRef.builtin(RecognitionConfig.ENGLISH_MODEL), choice.model());
        assertEquals(ModelRef.builtin(RecognitionConfig.ENGLISH_DICTIONARY), choice.dictionary());
    }

    @Test
    void theBundledEnglishModelMatchesTheSha256CommittedBesideIt() throws IOException, NoSuchAlgorithmException {
        byte[] model = SessionFactory.ModelBytes.read(ModelRef.builtin(RecognitionConfig.ENGLISH_MODEL));
        String expected;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream(ModelRef.BUNDLED_FOLDER + RecognitionConfig.ENGLISH_MODEL + ".sha256")) {
            expected = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\\s+")[0];
        }
        assertEquals(expected, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model)));
    }
}
