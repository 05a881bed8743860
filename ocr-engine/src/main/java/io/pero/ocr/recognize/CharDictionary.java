package io.pero.ocr.recognize;

import io.pero.ocr.config.ModelRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes of a CTC recognizer: index 0 is the blank, then the dictionary file's lines (PaddleOCR format, one
 * character per line), then a space when the model was trained with {@code use_space_char}.
 */
public final class CharDictionary {
    private final List<String> classes;

    CharDictionary(List<String> classes) {
        this.classes = List.copyOf(classes);
    }

    public static CharDictionary load(ModelRef source, boolean useSpaceChar) {
        List<String> classes = new ArrayList<>();
        classes.add("");
        classes.addAll(readLines(source));
        if (useSpaceChar) {
            classes.add(" ");
        }
        return new CharDictionary(classes);
    }

    public int size() {
        return classes.size();
    }

    /** The text of a class; empty for the blank. */
    public String text(int index) {
        return classes.get(index);
    }

    public boolean contains(String character) {
        return classes.contains(character);
    }

    private static List<String> readLines(ModelRef source) {
        try (InputStream in = open(source);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                // PaddleOCR strips only the line end: a line holding one space is the space character.
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary " + source, e);
        }
    }

    private static InputStream open(ModelRef source) throws IOException {
        if (!source.isBuiltin()) {
            return Files.newInputStream(source.file());
        }
        for (String resource : source.classpathCandidates()) {
            InputStream in = CharDictionary.class.getClassLoader().getResourceAsStream(resource);
            if (in != null) {
                return in;
            }
        }
        throw new IllegalArgumentException("no bundled dictionary named " + source.builtin() + " on the class path");
    }
}
