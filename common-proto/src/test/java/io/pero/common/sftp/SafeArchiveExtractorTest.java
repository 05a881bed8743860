package io.pero.common.sftp;

import static io.pero.common.sftp.TestArchives.anArchive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SafeArchiveExtractorTest {
    private static final String REFERENCE_ARCHIVE = "model-archive-test1.tar.xz";

    @TempDir
    Path tmp;

    private Path work() throws IOException {
        return Files.createDirectories(tmp.resolve("work"));
    }

    @Test
    void extractsTheOriginalsTestModelArchive() throws Exception {
        Path target = work().resolve("stage");
        SafeArchiveExtractor.extract(referenceArchive(), target);
        assertEquals(List.of("test_document.txt"), listing(target));
        assertTrue(Files.readString(target.resolve("test_document.txt")).startsWith("This is test file for testing cache"));
    }

    @ParameterizedTest
    @EnumSource(TestArchives.Kind.class)
    void extractsFilesDirectoriesAndSafeSymlinksInEveryFormat(TestArchives.Kind kind) throws Exception {
        Path archive = anArchive().dir("model").file("model/config.ini", "[ocr]\n").file("weights.bin", "w")
                .symlink("model/current.ini", "config.ini").symlink("cfg", "model/config.ini")
                .writeTo(tmp.resolve("archive"), kind);
        Path target = work().resolve("stage");

        SafeArchiveExtractor.extract(archive, target);

        assertEquals("[ocr]\n", Files.readString(target.resolve("model/config.ini")));
        assertEquals("w", Files.readString(target.resolve("weights.bin")));
        assertTrue(Files.isSymbolicLink(target.resolve("cfg")));
        assertEquals("[ocr]\n", Files.readString(target.resolve("cfg")));
        assertEquals("[ocr]\n", Files.readString(target.resolve("model/current.ini")));
        assertEquals(List.of("stage"), listing(work()), "no staging directory left beside the target");
    }

    @Test
    void copiesHardLinksToFilesInsideTheArchive() throws Exception {
        Path archive = anArchive().file("a/data", "x").hardLink("b", "a/data")
                .writeTo(tmp.resolve("a.tar"), TestArchives.Kind.TAR);
        Path target = work().resolve("stage");
        SafeArchiveExtractor.extract(archive, target);
        assertEquals("x", Files.readString(target.resolve("b")));
    }

    @Test
    void skipsFifosAndKeepsTheRest() throws Exception {
        Path archive = anArchive().fifo("pipe").file("data", "d").writeTo(tmp.resolve("a.tar"), TestArchives.Kind.TAR);
        Path target = work().resolve("stage");
        SafeArchiveExtractor.extract(archive, target);
        assertEquals(List.of("data"), listing(target));
    }

    @Test
    void replacesSameNamedEntriesInAnExistingTargetAndKeepsOthers() throws Exception {
        Path target = Files.createDirectories(work().resolve("stage"));
        Files.writeString(target.resolve("config.ini"), "old");
        Files.writeString(target.resolve("version.txt"), "1");
        Path archive = anArchive().file("config.ini", "new").writeTo(tmp.resolve("a.zip"), TestArchives.Kind.ZIP);

        SafeArchiveExtractor.extract(archive, target);

        assertEquals("new", Files.readString(target.resolve("config.ini")));
        assertEquals("1", Files.readString(target.resolve("version.txt")));
    }

    @ParameterizedTest
    @EnumSource(value = TestArchives.Kind.class, names = {"TAR_GZ", "ZIP"})
    void refusesParentTraversal(TestArchives.Kind kind) throws Exception {
        Path archive = anArchive().file("ok.txt", "fine").file("../evil", "x").writeTo(tmp.resolve("a"), kind);
        assertRefusedLeavingNothing(archive, "'../evil'");
        assertFalse(Files.exists(tmp.resolve("evil")));
    }

    @ParameterizedTest
    @EnumSource(value = TestArchives.Kind.class, names = {"TAR", "ZIP"})
    void refusesAbsolutePaths(TestArchives.Kind kind) throws Exception {
        Path outside = tmp.resolve("abs-evil");
        Path archive = anArchive().file(outside.toString(), "x").writeTo(tmp.resolve("a"), kind);
        assertRefusedLeavingNothing(archive, "absolute path");
        assertFalse(Files.exists(outside));
    }

    @ParameterizedTest
    @EnumSource(value = TestArchives.Kind.class, names = {"TAR_BZ2", "ZIP"})
    void refusesSymlinksPointingOutside(TestArchives.Kind kind) throws Exception {
        Path archive = anArchive().dir("sub").symlink("sub/link", "../../outside").writeTo(tmp.resolve("a"), kind);
        assertRefusedLeavingNothing(archive, "'sub/link' points outside");
    }

    @Test
    void refusesAbsoluteSymlinkTargets() throws Exception {
        Path archive = anArchive().symlink("passwd", "/etc/passwd").writeTo(tmp.resolve("a.tar"), TestArchives.Kind.TAR);
        assertRefusedLeavingNothing(archive, "absolute target");
    }

    @ParameterizedTest
    @EnumSource(value = TestArchives.Kind.class, names = {"TAR_XZ", "ZIP"})
    void refusesWritingThroughAnExtractedSymlink(TestArchives.Kind kind) throws Exception {
        Path archive = anArchive().dir("real").symlink("alias", "real").file("alias/payload", "x")
                .writeTo(tmp.resolve("a"), kind);
        assertRefusedLeavingNothing(archive, "would write through the symlink 'alias'");
    }

    @Test
    void refusesASymlinkThatEscapesThroughAnotherSymlink() throws Exception {
        // Each link looks harmless by name; together, "here/.." is the parent of the target directory.
        Path archive = anArchive().symlink("here", ".").symlink("escape", "here/../outside")
                .writeTo(tmp.resolve("a.tar"), TestArchives.Kind.TAR);
        assertRefusedLeavingNothing(archive, "'escape' resolves outside");
    }

    @Test
    void refusesHardLinksOutside() throws Exception {
        Path archive = anArchive().hardLink("passwd", "../../etc/passwd").writeTo(tmp.resolve("a.tar"), TestArchives.Kind.TAR);
        assertRefusedLeavingNothing(archive, "hard link entry 'passwd'");
    }

    @Test
    void rejectsFilesThatAreNoArchive() throws Exception {
        Path notArchive = Files.writeString(tmp.resolve("model.bin"), "just some text, not an archive at all\n".repeat(40));
        IOException e = assertThrows(IOException.class, () -> SafeArchiveExtractor.extract(notArchive, work().resolve("s")));
        assertTrue(e.getMessage().startsWith("not a tar or zip archive: " + notArchive), e.getMessage());
        assertEquals(List.of(), listing(work()));
    }

    private void assertRefusedLeavingNothing(Path archive, String expectedInMessage) throws IOException {
        Path target = work().resolve("stage");
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                () -> SafeArchiveExtractor.extract(archive, target));
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS), "target must not exist after a refusal");
        assertEquals(List.of(), listing(work()), "nothing left beside the target");
        assertFalse(Files.exists(tmp.resolve("outside"), LinkOption.NOFOLLOW_LINKS));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The archive from the original's tests: on the class path if copied there, else in the shared test vectors. */
    private Path referenceArchive() throws IOException, URISyntaxException {
        URL resource = getClass().getResource("/testvectors/" + REFERENCE_ARCHIVE);
        if (resource != null) {
            Path copy = tmp.resolve(REFERENCE_ARCHIVE);
            try (InputStream in = resource.openStream()) {
                Files.copy(in, copy);
            }
            return copy;
        }
        Path moduleDir = Path.of("").toAbsolutePath();
        for (Path base = moduleDir; base != null; base = base.getParent()) {
            Path candidate = base.resolve("shared/testvectors").resolve(REFERENCE_ARCHIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("test vector " + REFERENCE_ARCHIVE + " not found on the class path (testvectors/) "
                + "nor in a shared/testvectors directory above " + moduleDir);
    }
}
