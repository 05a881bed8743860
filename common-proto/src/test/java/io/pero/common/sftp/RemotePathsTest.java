package io.pero.common.sftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemotePathsTest {

    @Test
    void ancestorsAreListedOutermostFirst() {
        assertEquals(List.of("pero", "pero/models"), RemotePaths.ancestors("pero/models/ocr.tar.xz"));
        assertEquals(List.of("/srv", "/srv/pero"), RemotePaths.ancestors("/srv/pero/ocr.zip"));
        assertEquals(List.of(), RemotePaths.ancestors("ocr.zip"));
        assertEquals(List.of("a", "a/b"), RemotePaths.ancestors("a//b/c/"));
    }

    @Test
    void parentStopsBelowTheHomeOrRootDirectory() {
        assertEquals(Optional.of("a"), RemotePaths.parent("a/b"));
        assertEquals(Optional.empty(), RemotePaths.parent("a"));
        assertEquals(Optional.empty(), RemotePaths.parent("/a"));
        assertEquals(Optional.of("/a"), RemotePaths.parent("/a/b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/", "//"})
    void emptyOrRootPathsAreRefused(String path) {
        assertThrows(IllegalArgumentException.class, () -> RemotePaths.clean(path));
    }
}
