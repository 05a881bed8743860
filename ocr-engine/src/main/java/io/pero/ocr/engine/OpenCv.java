package io.pero.ocr.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Loads OpenCV's native library (bundled in the openpnp jar) once per JVM. Call before touching any Mat. */
public final class OpenCv {
    /**
     * System property naming an unpacked copy of the library from the same openpnp jar ({@code bin/pero-ocr} sets it):
     * loading it saves unpacking 65 MB from the jar at every start. Without it, or when it cannot be loaded, the jar
     * unpacks its own copy.
     */
    public static final String LIBRARY_PROPERTY = "pero.opencv.library";

    private static volatile boolean loaded;

    private OpenCv() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    if (!loadUnpacked()) {
                        nu.pattern.OpenCV.loadLocally();
                    }
                    loaded = true;
                }
            }
        }
    }

    private static boolean loadUnpacked() {
        String library = System.getProperty(LIBRARY_PROPERTY);
        if (library == null || !Files.isRegularFile(Path.of(library))) {
            return false;
        }
        try {
            System.load(library);
            return true;
        } catch (UnsatisfiedLinkError e) {
            LoggerFactory.getLogger(OpenCv.class).warn("cannot load the unpacked OpenCV library, unpacking it from "
                    + "the jar library={} cause={}", library, e.getMessage());
            return false;
        }
    }
}
