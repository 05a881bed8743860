package io.pero.ocr.config;

/** How lines are put into reading order. */
public enum ReadingOrderMode {
    /** Column-aware: deskew, column gutters, blocks, captions and spanning titles (the default). */
    COLUMNS,
    /** Plain top-to-bottom, left-to-right sort of lines; for single-column material or debugging. */
    TOP_DOWN
}
