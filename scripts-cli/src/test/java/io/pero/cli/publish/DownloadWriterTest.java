package io.pero.cli.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadWriterTest {
    @TempDir
    Path root;

    private static List<DownloadLayout.OutputFile> files(String content) {
        return List.of(new DownloadLayout.OutputFile("a.txt", content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void secondCopyOfAMessageGoesToADupDirectoryAndTheFirstStaysUntouched() throws Exception {
        DownloadWriter writer = new DownloadWriter(root);
        DownloadWriter.Written first = writer.write("abc", files("first"));
        DownloadWriter.Written second = writer.write("abc", files("second"));
        DownloadWriter.Written third = writer.write("abc", files("third"));

        assertEquals(root.resolve("abc"), first.directory());
        assertFalse(first.duplicate());
        assertEquals(root.resolve("abc.dup-1"), second.directory());
        assertTrue(second.duplicate());
        assertEquals(root.resolve("abc.dup-2"), third.directory());
        assertEquals("first", Files.readString(root.resolve("abc/a.txt")));
        assertEquals("second", Files.readString(root.resolve("abc.dup-1/a.txt")));
        assertEquals("third", Files.readString(root.resolve("abc.dup-2/a.txt")));
    }

    @Test
    void laterFileWithTheSameNameReplacesTheEarlierOneAsInTheOriginal() throws Exception {
        new DownloadWriter(root).write("m", List.of(
                new DownloadLayout.OutputFile("ocr.log", "attempt 1".getBytes(StandardCharsets.UTF_8)),
                new DownloadLayout.OutputFile("ocr.log", "attempt 2".getBytes(StandardCharsets.UTF_8))));
        assertEquals("attempt 2", Files.readString(root.resolve("m/ocr.log")));
    }

    @Test
    void unsafeUuidBecomesADirectoryInsideTheRoot() throws Exception {
        DownloadWriter.Written w = new DownloadWriter(root).write("../outside", files("x"));
        assertEquals(root, w.directory().getParent());
        assertFalse(Files.exists(root.getParent().resolve("outside")));
    }

    @Test
    void unparseableBodiesAreKeptUnderNumberedNames() throws Exception {
        DownloadWriter writer = new DownloadWriter(root);
        Path one = writer.writeUnparseable(new byte[] {1});
        Path two = writer.writeUnparseable(new byte[] {2});
        assertEquals(root.resolve("unparseable-1.bin"), one);
        assertEquals(root.resolve("unparseable-2.bin"), two);
        assertEquals(2, Files.readAllBytes(two)[0]);
    }
}
