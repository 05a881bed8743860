package io.pero.common.sftp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryPathsTest {
    private static final Path ROOT = Path.of("/x/stage");

    @ParameterizedTest
    @CsvSource({"a.txt,/x/stage/a.txt", "./a/b,/x/stage/a/b", "a/../b,/x/stage/b", "./,/x/stage", "a//b/,/x/stage/a/b"})
    void namesInsideTheRootResolveUnderIt(String name, String expected) throws Exception {
        assertEquals(Path.of(expected), EntryPaths.resolve(ROOT, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../a", "a/../../b", "/etc/passwd", "\\evil", "C:/evil", ""})
    void namesLeavingTheRootOrAbsoluteAreRefused(String name) {
        assertThrows(UnsafeArchiveException.class, () -> EntryPaths.resolve(ROOT, name));
    }

    @ParameterizedTest
    @CsvSource({"a/link,../b", "a/link,.", "a/link,../a/c", "link,sub/x"})
    void symlinkTargetsInsideTheRootPass(String link, String target) {
        assertDoesNotThrow(() -> EntryPaths.checkSymlinkTarget(ROOT, ROOT.resolve(link), link, target));
    }

    @ParameterizedTest
    @CsvSource({"a/link,../../b", "link,..", "link,/etc/passwd", "a/link,''"})
    void symlinkTargetsOutsideTheRootAreRefused(String link, String target) {
        assertThrows(UnsafeArchiveException.class,
                () -> EntryPaths.checkSymlinkTarget(ROOT, ROOT.resolve(link), link, target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "./", "a/../.."})
    void hardLinksToTheRootOrOutsideAreRefused(String target) {
        assertThrows(UnsafeArchiveException.class, () -> EntryPaths.resolveHardLinkTarget(ROOT, "h", target));
    }
}
