package io.pero.ocr.engine;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Test images: text lines rendered with Java2D, black on white, as OpenCV BGR mats. */
final class RenderedText {
    private RenderedText() {
    }

    /** One line of {@code text} in {@code font}, with a margin, optionally rotated by {@code degrees}. */
    static Mat line(String text, Font font, double degrees) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D pg = probe.createGraphics();
        pg.setFont(font);
        int textWidth = pg.getFontMetrics().stringWidth(text);
        int lineHeight = pg.getFontMetrics().getHeight();
        pg.dispose();
        int margin = lineHeight * 2;
        int side = textWidth + 2 * margin;
        int height = degrees == 0 ? lineHeight + 2 * margin : side;
        BufferedImage image = new BufferedImage(side, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(font);
        if (degrees != 0) {
            g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), side / 2.0, height / 2.0));
            g.drawString(text, margin, height / 2 + lineHeight / 3);
        } else {
            g.drawString(text, margin, margin + g.getFontMetrics().getAscent());
        }
        g.dispose();
        return toMat(image);
    }

    static Mat toMat(BufferedImage image) {
        byte[] bytes = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(image.getHeight(), image.getWidth(), CvType.CV_8UC3);
        mat.put(0, 0, bytes);
        return mat;
    }
}
