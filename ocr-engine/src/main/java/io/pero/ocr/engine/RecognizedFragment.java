package io.pero.ocr.engine;

import io.pero.ocr.detect.Quad;
import io.pero.ocr.recognize.LineReading;

/** A detected line fragment with what the recognizer read in it. */
record RecognizedFragment(Quad quad, LineReading reading) {
    String text() {
        return reading.text();
    }
}
