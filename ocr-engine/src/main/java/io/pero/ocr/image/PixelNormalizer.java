package io.pero.ocr.image;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Turns whatever a decoder produced (1 to 4 channels, 8/16-bit integer or float samples) into the 8-bit 3-channel
 * BGR image the engine reads. Transparent pixels are composited on white: scans saved with an alpha channel have
 * transparent paper, and black paper would invert the page for the detector.
 */
final class PixelNormalizer {
    private PixelNormalizer() {
    }

    /** Returns a new 8UC3 BGR Mat; {@code src} is released. */
    static Mat toBgr8(Mat src, String name) {
        Mat eightBit = toEightBit(src, name);
        try {
            return switch (eightBit.channels()) {
                case 1 -> convert(eightBit, Imgproc.COLOR_GRAY2BGR);
                case 2 -> grayAlphaOnWhite(eightBit);
                case 3 -> eightBit.clone();
                case 4 -> bgraOnWhite(eightBit);
                default -> throw new BadImageException(name, "unsupported image with " + eightBit.channels() + " channels");
            };
        } finally {
            eightBit.release();
        }
    }

    /** Full-range scaling: 16-bit 65535 becomes 255 (not truncation to the high byte of a clipped value). */
    private static Mat toEightBit(Mat src, String name) {
        int depth = src.depth();
        if (depth == CvType.CV_8U) {
            return src;
        }
        double scale = switch (depth) {
            case CvType.CV_16U -> 255.0 / 65535.0;
            // Float samples are taken as 0..1, the convention of float TIFFs and of OpenCV itself.
            case CvType.CV_32F, CvType.CV_64F -> 255.0;
            default -> {
                src.release();
                throw new BadImageException(name, "unsupported sample format (OpenCV depth " + depth + ")");
            }
        };
        Mat out = new Mat();
        src.convertTo(out, CvType.CV_8U, scale);
        src.release();
        return out;
    }

    private static Mat convert(Mat src, int code) {
        Mat out = new Mat();
        Imgproc.cvtColor(src, out, code);
        return out;
    }

    private static Mat bgraOnWhite(Mat bgra) {
        List<Mat> planes = new ArrayList<>(4);
        Core.split(bgra, planes);
        Mat alpha = planes.remove(3);
        Mat bgr = new Mat();
        Core.merge(planes, bgr);
        planes.forEach(Mat::release);
        try {
            return onWhite(bgr, alpha);
        } finally {
            bgr.release();
            alpha.release();
        }
    }

    private static Mat grayAlphaOnWhite(Mat grayAlpha) {
        List<Mat> planes = new ArrayList<>(2);
        Core.split(grayAlpha, planes);
        Mat bgr = convert(planes.get(0), Imgproc.COLOR_GRAY2BGR);
        try {
            return onWhite(bgr, planes.get(1));
        } finally {
            bgr.release();
            planes.forEach(Mat::release);
        }
    }

    // Differs from the original: OpenCV's IMREAD_COLOR drops alpha, exposing whatever colour transparent pixels hold.
    /** out = 255 - (255 - colour) * alpha / 255, i.e. colour over a white background. */
    private static Mat onWhite(Mat bgr, Mat alpha) {
        Mat alpha3 = new Mat();
        Core.merge(List.of(alpha, alpha, alpha), alpha3);
        Mat ink = new Mat();
        Core.bitwise_not(bgr, ink); // 255 - x for 8-bit samples

        Mat covered = new Mat();
        Core.multiply(ink, alpha3, covered, 1.0 / 255.0);
        Mat out = new Mat();
        Core.bitwise_not(covered, out);
        alpha3.release();
        ink.release();
        covered.release();
        return out;
    }
}
