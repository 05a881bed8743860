package io.pero.worker.stage;

import java.io.IOException;
import java.nio.file.Path;

/** Where stage model archives come from (the SFTP model store in production). */
@FunctionalInterface
public interface ModelSource {
    void download(String remotePath, Path local) throws IOException;
}
