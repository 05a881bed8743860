package io.pero.ocr.detect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Per-thread reusable direct buffers for model inputs. A fresh direct buffer per tile or line is freed only when the
 * garbage collector happens to run, so with a large heap they pile up as resident memory; one buffer per inference
 * thread, grown when needed, keeps it flat.
 */
public final class TensorBuffers {
    private final ThreadLocal<FloatBuffer> buffers = new ThreadLocal<>();

    /** A buffer of exactly {@code floats} elements (position 0, limit {@code floats}); its content is stale. */
    public FloatBuffer get(int floats) {
        FloatBuffer buffer = buffers.get();
        if (buffer == null || buffer.capacity() < floats) {
            buffer = ByteBuffer.allocateDirect(Math.max(floats, 1) * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
            buffers.set(buffer);
        }
        buffer.clear();
        buffer.limit(floats);
        return buffer;
    }
}
