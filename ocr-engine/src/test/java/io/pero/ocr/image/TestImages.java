package io.pero.ocr.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** Generates every kind of input image in memory (Java2D, ImageIO, OpenCV), so no binary fixtures are needed. */
final class TestImages {
    static final Color RED = new Color(220, 30, 40);
    static final Color GREEN = new Color(20, 200, 60);
    static final Color BLUE = new Color(30, 40, 210);
    static final Color GREY = new Color(128, 128, 128);

    private TestImages() {
    }

    /** 40×30: quadrants red (top left), green (top right), blue (bottom left), grey (bottom right). */
    static BufferedImage quadrants(int type) {
        BufferedImage img = new BufferedImage(40, 30, type);
        Graphics2D g = img.createGraphics();
        fill(g, RED, 0, 0);
        fill(g, GREEN, 20, 0);
        fill(g, BLUE, 0, 15);
        fill(g, GREY, 20, 15);
        g.dispose();
        return img;
    }

    private static void fill(Graphics2D g, Color c, int x, int y) {
        g.setColor(c);
        g.fillRect(x, y, 20, 15);
    }

    static byte[] imageIo(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format + " and image type " + img.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] openCv(Mat mat, String extension, int... params) {
        MatOfByte buf = new MatOfByte();
        if (!Imgcodecs.imencode(extension, mat, buf, new org.opencv.core.MatOfInt(params))) {
            throw new IllegalStateException("OpenCV cannot encode " + extension);
        }
        return buf.toArray();
    }

    /** A TIFF with one page per image, the first one first. */
    static byte[] multiPageTiff(BufferedImage... pages) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A bilevel TIFF compressed with CCITT Group 4, as most archival page scans are. */
    static byte[] group4Tiff(BufferedImage binary) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("CCITT T.6");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(binary, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** 8×8 palette image: left half palette entry 0 (opaque orange), right half entry 1 (fully transparent). */
    static BufferedImage paletteWithTransparency() {
        byte[] r = {(byte) 250, 0};
        byte[] g = {(byte) 140, 0};
        byte[] b = {10, 0};
        byte[] a = {(byte) 255, 0};
        IndexColorModel model = new IndexColorModel(1, 2, r, g, b, a);
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY, model);
        WritableRaster raster = img.getRaster();
        for (int y = 0; y < 8; y++) {
            for (int x = 4; x < 8; x++) {
                raster.setSample(x, y, 0, 1);
            }
        }
        return img;
    }

    /**
     * A CMYK JPEG as Photoshop writes it: an Adobe APP14 segment and inverted samples (255 = no ink). The whole
     * image is pure red ink: C=0, M=100%, Y=100%, K=0.
     */
    static byte[] adobeCmykRedJpeg() {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 16, 4, null);
        int[] inverted = {255, 0, 0, 255};
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                raster.setPixel(x, y, inverted);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return insertAfterSoi(out.toByteArray(), adobe);
    }

    /** Adds an EXIF APP1 segment whose only tag is Orientation (6 = rotate 90° clockwise to display). */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer exif = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
        exif.put(new byte[] {(byte) 0xFF, (byte) 0xE1}).putShort((short) (exif.capacity() - 2));
        exif.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        exif.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        exif.putShort((short) 1);
        exif.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        exif.putInt(0);
        return insertAfterSoi(jpeg, exif.array());
    }

    static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    /** A PNG whose header claims {@code width × height} but which holds a tiny payload: a decompression bomb shape. */
    static byte[] pngClaiming(int width, int height) {
        byte[] png = imageIo(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), "png");
        ByteBuffer ihdr = ByteBuffer.wrap(png, 16, 8);
        ihdr.putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // chunk type + data
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    /** A baseline JPEG with its frame header (SOF0) patched to claim {@code width × height}. */
    static byte[] jpegClaiming(int width, int height) {
        byte[] jpeg = imageIo(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), "jpeg");
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 in ImageIO's JPEG");
    }

    /** A TIFF whose first directory claims {@code width × height} (both must fit the tags' existing types). */
    static byte[] tiffClaiming(int width, int height) {
        byte[] tiff = imageIo(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "tiff");
        ByteBuffer buf = ByteBuffer.wrap(tiff);
        buf.order(tiff[0] == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
        int ifd = buf.getInt(4);
        int entries = buf.getShort(ifd) & 0xFFFF;
        for (int e = 0; e < entries; e++) {
            int at = ifd + 2 + e * 12;
            int tag = buf.getShort(at) & 0xFFFF;
            int type = buf.getShort(at + 2);
            int value = tag == 256 ? width : tag == 257 ? height : -1;
            if (value >= 0) {
                if (type == 3) {
                    buf.putShort(at + 8, (short) value);
                } else {
                    buf.putInt(at + 8, value);
                }
            }
        }
        return tiff;
    }

    static byte[] truncate(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }
}
