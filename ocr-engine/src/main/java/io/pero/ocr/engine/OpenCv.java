package io.pero.ocr.engine;

/** Loads OpenCV's native library (bundled in the openpnp jar) once per JVM. Call before touching any Mat. */
public final class OpenCv {
    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
