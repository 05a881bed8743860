package io.pero.logdaemon;

import java.time.Instant;

/** The log file being written: its name in the output directory and when it was created. */
record OpenFile(String name, Instant createdAt) {
}
