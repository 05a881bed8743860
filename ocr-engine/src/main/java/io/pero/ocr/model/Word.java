package io.pero.ocr.model;

/** A recognised word: its text, outline (from the CTC time steps) and mean character confidence in [0,1]. */
public record Word(String text, Polygon polygon, double confidence) {
}
