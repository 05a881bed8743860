package io.pero.ocr.config;

/**
 * Layout settings (section {@code [LAYOUT]}). Thresholds inside the layout analysis are in units of the page's
 * median line height, so they hold at any resolution; only the strategy is configurable.
 *
 * @param readingOrder column-aware (default) or plain top-down
 * @param deskew       estimate the page skew from the line angles and analyse the layout in the deskewed frame
 */
public record LayoutConfig(ReadingOrderMode readingOrder, boolean deskew) {
    public static LayoutConfig defaults() {
        return new LayoutConfig(ReadingOrderMode.COLUMNS, true);
    }
}
