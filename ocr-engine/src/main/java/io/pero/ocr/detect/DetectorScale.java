package io.pero.ocr.detect;

/**
 * Chooses the detector input size. A first look uses a fixed longest side; the page is then re-detected at the
 * scale where its median line is {@code targetLineHeight} pixels high (an A4 300-dpi scan shrunk to a 960-pixel
 * side leaves 10-pt text about 11 pixels high, too small; a photo of a poster needs shrinking instead).
 * Sides are multiples of 32 (the detector's stride) and the area is capped.
 */
final class DetectorScale {
    static final int FIRST_LOOK_SIDE = 1280;
    private static final double MAX_UPSCALE = 3.0;
    /** Re-detect only when the line height is off by more than this factor: a second pass costs a second run. */
    private static final double TOLERANCE = 1.3;

    private DetectorScale() {
    }

    /** Detector input width and height for an image at a given scale factor. */
    record Size(int width, int height) {
        double scaleX(int imageWidth) {
            return width / (double) imageWidth;
        }

        double scaleY(int imageHeight) {
            return height / (double) imageHeight;
        }

        double megapixels() {
            return width * (double) height / 1e6;
        }
    }

    static double firstLook(int imageWidth, int imageHeight, double maxMegapixels) {
        double scale = FIRST_LOOK_SIDE / (double) Math.max(imageWidth, imageHeight);
        return capped(Math.min(scale, 2.0), imageWidth, imageHeight, maxMegapixels);
    }

    /**
     * The scale for the second pass, or {@code current} when the median line height seen at {@code current} is close
     * enough to the target.
     */
    static double refined(double current, double medianLineHeight, int targetLineHeight, int imageWidth,
                          int imageHeight, double maxMegapixels) {
        if (medianLineHeight <= 0) {
            return current;
        }
        double ratio = targetLineHeight / medianLineHeight;
        if (ratio < TOLERANCE && ratio > 1 / TOLERANCE) {
            return current;
        }
        double wanted = Math.min(current * ratio, MAX_UPSCALE);
        double capped = capped(wanted, imageWidth, imageHeight, maxMegapixels);
        return Math.abs(capped / current - 1) < 0.1 ? current : capped;
    }

    static Size sizeAt(double scale, int imageWidth, int imageHeight) {
        return new Size(roundTo32(imageWidth * scale), roundTo32(imageHeight * scale));
    }

    private static double capped(double scale, int imageWidth, int imageHeight, double maxMegapixels) {
        double megapixels = imageWidth * (double) imageHeight * scale * scale / 1e6;
        if (megapixels > maxMegapixels) {
            scale *= Math.sqrt(maxMegapixels / megapixels);
        }
        return scale;
    }

    private static int roundTo32(double side) {
        return Math.max(32, (int) Math.round(side / 32.0) * 32);
    }
}
