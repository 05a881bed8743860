package io.pero.ocr.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Decodes the formats OpenCV lacks (GIF) through ImageIO: first frame, drawn over white, as 8-bit BGR. */
final class ImageIoDecoding {
    private ImageIoDecoding() {
    }

    static Mat decodeFirstFrame(byte[] bytes, ImageFormat format, String name) {
        BufferedImage image = read(bytes, format, name);
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        try {
            // Drawing over a white fill composites any transparency (palette or alpha) on white.
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, bgr.getWidth(), bgr.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), CvType.CV_8UC3);
        mat.put(0, 0, pixels);
        return mat;
    }

    private static BufferedImage read(byte[] bytes, ImageFormat format, String name) {
        try (ImageInputStream in = ImageHeaderReader.memoryStream(bytes)) {
            ImageReader reader = ImageHeaderReader.readerFor(format.imageIoName().orElseThrow());
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new BadImageException(name, "corrupt or truncated " + format.label() + " data ("
                    + ImageHeaderReader.describe(e) + ")", e);
        }
    }
}
