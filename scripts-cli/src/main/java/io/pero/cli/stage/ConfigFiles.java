package io.pero.cli.stage;

import io.pero.common.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a stage {@code config.ini} the way the original uploads it. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /**
     * The file as UTF-8 text with line endings normalised to {@code \n}, which is what Python's text-mode
     * {@code read()} (universal newlines) uploads.
     */
    static String readText(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("--config " + file + ": cannot read: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("--config " + file + ": not UTF-8 text", e);
        }
        return normaliseNewlines(text);
    }

    static String normaliseNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
