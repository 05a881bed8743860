package io.pero.ocr.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/**
 * Runs the DB text detector over a page already scaled to the detector size, tile by tile (activation memory grows
 * about 230 MB per megapixel of detector input, so tiles bound it), and stitches the tiles' probability maps.
 * Tiles run in parallel on the engine's pool.
 */
public final class TextDetector {
    // ImageNet statistics, applied to the channels in the order OpenCV stores them (B, G, R) as PaddleOCR does.
    private static final Scalar MEAN = new Scalar(0.485, 0.456, 0.406);
    private static final Scalar STD = new Scalar(0.229, 0.224, 0.225);

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final int tileSize;
    private final int tileOverlap;
    private final ExecutorService pool;
    private final TensorBuffers buffers = new TensorBuffers();

    public TextDetector(OrtEnvironment env, OrtSession session, int tileSize, int tileOverlap, ExecutorService pool) {
        this.env = env;
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
        this.tileSize = tileSize;
        this.tileOverlap = tileOverlap;
        this.pool = pool;
    }

    /** Text probability (CV_32F, same size as the input) of a BGR image whose sides are multiples of 32. */
    public Mat probabilityMap(Mat bgr) {
        List<TileGrid.Tile> tiles = TileGrid.of(bgr.cols(), bgr.rows(), tileSize, tileOverlap);
        Mat map = new Mat(bgr.rows(), bgr.cols(), CvType.CV_32F);
        List<CompletableFuture<float[]>> results = new ArrayList<>();
        for (TileGrid.Tile tile : tiles) {
            results.add(CompletableFuture.supplyAsync(() -> infer(bgr, tile), pool));
        }
        for (int i = 0; i < tiles.size(); i++) {
            paste(map, tiles.get(i), results.get(i).join());
        }
        return map;
    }

    private float[] infer(Mat bgr, TileGrid.Tile tile) {
        Mat region = bgr.submat(new Rect(tile.x(), tile.y(), tile.width(), tile.height()));
        try (OnnxTensor input = OnnxTensor.createTensor(env, chw(region, buffers),
                new long[] {1, 3, tile.height(), tile.width()});
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        } catch (OrtException e) {
            throw new IllegalStateException("text detector failed on a " + tile.width() + "x" + tile.height()
                    + " tile: " + e.getMessage(), e);
        } finally {
            region.release();
        }
    }

    private static void paste(Mat map, TileGrid.Tile tile, float[] values) {
        int keepWidth = tile.keepX1() - tile.keepX0();
        float[] row = new float[keepWidth];
        for (int y = tile.keepY0(); y < tile.keepY1(); y++) {
            System.arraycopy(values, (y - tile.y()) * tile.width() + (tile.keepX0() - tile.x()), row, 0, keepWidth);
            map.put(y, tile.keepX0(), row);
        }
    }

    /** Normalised planar (C, H, W) floats in a direct buffer, ready for a tensor. */
    static FloatBuffer chw(Mat bgr, TensorBuffers buffers) {
        Mat scaled = new Mat();
        bgr.convertTo(scaled, CvType.CV_32FC3, 1 / 255.0);
        Core.subtract(scaled, MEAN, scaled);
        Core.divide(scaled, STD, scaled);
        List<Mat> channels = new ArrayList<>(3);
        Core.split(scaled, channels);
        int plane = bgr.rows() * bgr.cols();
        FloatBuffer buffer = buffers.get(plane * 3);
        float[] values = new float[plane];
        for (Mat channel : channels) {
            channel.get(0, 0, values);
            buffer.put(values);
            channel.release();
        }
        scaled.release();
        return buffer.rewind();
    }
}
