package io.pero.ocr.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagePackerTest {
    @TempDir
    Path tmp;

    @Test
    void packsConfigAndTheReferencedModelsAtTheirRelativePaths() throws IOException {
        Path stage = stage("""
                [RECOGNITION]
                MODEL = models/rec.onnx
                DICTIONARY = models/dict/keys.txt
                """);
        write(stage.resolve("models/rec.onnx"), "onnx bytes");
        write(stage.resolve("models/dict/keys.txt"), "a\nb\n");
        write(stage.resolve("notes.txt"), "not referenced");
        Path archive = tmp.resolve("out/ocr.tar.gz");

        List<String> entries = StagePacker.pack(stage, archive);

        assertEquals(List.of("config.ini", "models/rec.onnx", "models/dict/keys.txt"), entries);
        Map<String, byte[]> read = TarReader.read(archive);
        assertEquals(entries, List.copyOf(read.keySet()));
        assertArrayEquals(Files.readAllBytes(stage.resolve("models/rec.onnx")), read.get("models/rec.onnx"));
        assertArrayEquals(Files.readAllBytes(stage.resolve("config.ini")), read.get("config.ini"));
    }

    @Test
    void defaultConfigNeedsOnlyConfigIni() throws IOException {
        Path stage = stage("[DEVICE]\nDEVICE = cpu\n");
        assertEquals(List.of("config.ini"), StagePacker.pack(stage, tmp.resolve("a.tgz")));
    }

    @Test
    void zipArchivesHoldTheSameEntries() throws IOException {
        Path stage = stage("[DETECTION]\nMODEL = det.onnx\n");
        write(stage.resolve("det.onnx"), "det");
        Path archive = tmp.resolve("stage.zip");

        StagePacker.pack(stage, archive);

        Map<String, String> read = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                read.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(Map.of("config.ini", "[DETECTION]\nMODEL = det.onnx\n", "det.onnx", "det"), read);
    }

    @Test
    void refusesAModelPathOutsideTheStageDirectory() throws IOException {
        write(tmp.resolve("shared/det.onnx"), "det");
        Path stage = stage("[DETECTION]\nMODEL = ../shared/det.onnx\n");

        StagePackException e = assertThrows(StagePackException.class, () -> StagePacker.pack(stage, tmp.resolve("a.tar.gz")));

        assertTrue(e.getMessage().contains("[DETECTION] MODEL refers to " + tmp.resolve("shared/det.onnx")), e.getMessage());
        assertTrue(e.getMessage().contains("outside the stage directory"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("a.tar.gz")), "no archive is left behind");
    }

    @Test
    void refusesAnAbsoluteModelPathOutsideTheStageDirectory() throws IOException {
        Path model = write(tmp.resolve("elsewhere/rec.onnx"), "rec");
        write(tmp.resolve("elsewhere/keys.txt"), "a");
        Path stage = stage("[RECOGNITION]\nMODEL = " + model + "\nDICTIONARY = " + tmp.resolve("elsewhere/keys.txt") + "\n");

        StagePackException e = assertThrows(StagePackException.class, () -> StagePacker.pack(stage, tmp.resolve("a.zip")));
        assertTrue(e.getMessage().contains("[RECOGNITION] MODEL refers to " + model), e.getMessage());
    }

    @Test
    void invalidOrMissingConfigIsReported() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(assertThrows(StagePackException.class, () -> StagePacker.pack(empty, tmp.resolve("a.zip")))
                .getMessage().contains("config.ini"));
        Path bad = stage("[DETECTION]\nMODEL = missing.onnx\n");
        assertTrue(assertThrows(StagePackException.class, () -> StagePacker.pack(bad, tmp.resolve("a.zip")))
                .getMessage().contains("missing.onnx"));
    }

    @Test
    void archiveNameMustSayItsFormat() throws IOException {
        Path stage = stage("");
        StagePackException e = assertThrows(StagePackException.class, () -> StagePacker.pack(stage, tmp.resolve("a.rar")));
        assertTrue(e.getMessage().endsWith("archive name must end with .tar.gz, .tgz or .zip"), e.getMessage());
    }

    @Test
    void longPathsUseTheUstarPrefixField() throws IOException {
        String dir = "models/" + "very-long-directory-name/".repeat(6);
        Path stage = stage("[DETECTION]\nMODEL = " + dir + "det.onnx\n");
        write(stage.resolve(dir + "det.onnx"), "det");
        Path archive = tmp.resolve("a.tar.gz");

        StagePacker.pack(stage, archive);

        assertTrue(TarReader.read(archive).containsKey(dir + "det.onnx"));
    }

    @Test
    void systemTarExtractsTheArchive() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar")), "no tar here");
        Path stage = stage("[DETECTION]\nMODEL = models/det.onnx\n");
        write(stage.resolve("models/det.onnx"), "det");
        Path archive = tmp.resolve("a.tar.gz");
        StagePacker.pack(stage, archive);
        Path target = Files.createDirectories(tmp.resolve("extracted"));

        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", target.toString())
                .redirectErrorStream(true).start();
        assertTrue(tar.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, tar.exitValue(), new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("det", Files.readString(target.resolve("models/det.onnx")));
    }

    private Path stage(String config) throws IOException {
        Path stage = Files.createDirectories(tmp.resolve("stage"));
        write(stage.resolve("config.ini"), config);
        return stage;
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
