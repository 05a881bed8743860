package io.pero.common.sftp;

import java.io.IOException;

/** An archive entry would be written outside the extraction directory. */
public class UnsafeArchiveException extends IOException {
    public UnsafeArchiveException(String message) {
        super(message);
    }
}
