package io.pero.local;

import java.util.concurrent.Semaphore;

/**
 * How many pages of a run may wait in the broker at once. The embedded broker keeps messages in memory (on disk too
 * only with {@code --data-dir}), so publishing a whole directory of scans at once held every image in the JVM: tens
 * of megabytes per page of a 300 dpi scan, gigabytes for a book. A page takes a place before it is read and gives it
 * back once it is finished (its result written, or it failed), so the broker holds at most {@code size} pages' images
 * plus those an earlier run left there. Thread-safe.
 */
final class UploadWindow {
    private final Semaphore free;

    /**
     * {@code size} places, less {@code alreadyQueued} pages an earlier run left in the broker (they give theirs back
     * when they finish, like the others; until then the window may be over-full and no page is added).
     */
    UploadWindow(int size, int alreadyQueued) {
        if (size < 1) {
            throw new IllegalArgumentException("upload window " + size + ": must be at least 1");
        }
        this.free = new Semaphore(size - alreadyQueued);
    }

    /** Places for a run with {@code workers} workers: enough pages queued that none waits for the next upload. */
    static int sizeFor(int workers) {
        return Math.max(4, 4 * workers);
    }

    /** Blocks until a page may be added. */
    void takePlace() throws InterruptedException {
        free.acquire();
    }

    /** A page of the run finished (whether this run uploaded it or an earlier one). */
    void pageFinished() {
        free.release();
    }
}
