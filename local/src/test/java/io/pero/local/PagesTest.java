package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagesTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryGivesTheImagesInItAndAnExplicitFileIsAlwaysAPage() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        Files.write(samples.resolve("b.TIF"), new byte[] {1});
        Files.write(samples.resolve("a.png"), new byte[] {1});
        Files.writeString(samples.resolve("README.md"), "not a page");
        Files.writeString(samples.resolve("a.gt.txt"), "ground truth");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "given explicitly");

        List<Pages.Page> pages = Pages.expand(List.of(samples, notes));

        assertEquals(List.of("a.png", "b.TIF", "notes.txt"), pages.stream().map(Pages.Page::name).toList());
    }

    @Test
    void missingArgumentsEmptyDirectoriesAndDuplicateNamesAreAllReported() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));
        Files.write(one.resolve("p.png"), new byte[] {1});
        Files.write(two.resolve("p.png"), new byte[] {1});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pages.expand(List.of(dir.resolve("missing.png"), empty, one, two)));

        assertTrue(e.getMessage().contains("missing.png: no such file or directory"), e.getMessage());
        assertTrue(e.getMessage().contains("no images in this directory"), e.getMessage());
        assertTrue(e.getMessage().contains("same file name"), e.getMessage());
    }

    @Test
    void theSameFileTwiceIsOnePage() throws Exception {
        Path p = Files.write(dir.resolve("p.png"), new byte[] {1});
        assertEquals(1, Pages.expand(List.of(p, dir)).size());
    }
}
