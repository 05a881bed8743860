package io.pero.ocr.config;

/**
 * Text detection settings (section {@code [DETECTION]}).
 *
 * @param model            DB text detector (ONNX)
 * @param pixelThreshold   probability above which a detector pixel counts as text
 * @param boxThreshold     minimum mean probability inside a line's contour; lower boxes are dropped
 * @param unclipRatio      how far the shrunk DB kernel is grown back (offset = area * ratio / perimeter)
 * @param targetLineHeight detector input scale is chosen so that the median line is about this many pixels high
 * @param maxMegapixels    cap on the detector input (the page is scaled down further when it would be larger)
 * @param tileSize         detector input is processed in tiles of this side (multiple of 32), bounding memory
 * @param tileOverlap      overlap between tiles in pixels (multiple of 32)
 */
public record DetectionConfig(ModelRef model, double pixelThreshold, double boxThreshold, double unclipRatio,
                              int targetLineHeight, double maxMegapixels, int tileSize, int tileOverlap) {

    public static final String DEFAULT_MODEL = "ch_PP-OCRv4_det_infer.onnx";

    public static DetectionConfig defaults() {
        return new DetectionConfig(ModelRef.builtin(DEFAULT_MODEL), 0.3, 0.5, 1.8, 24, 16.0, 640, 64);
    }
}
