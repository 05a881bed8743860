package io.pero.ocr.recognize;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.pero.ocr.detect.TensorBuffers;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * A CTC line recognizer (PP-OCR SVTR): line crops of the model's height in, characters with their time steps out.
 * Lines are batched by similar width and batches run in parallel on the engine's pool.
 */
public final class TextRecognizer {
    /** Bound on a batch's output (time steps × classes, a time step per 8 input columns): about 48 MB. */
    private static final long OUTPUT_FLOATS_PER_BATCH = 12_000_000L;
    /** Bound on a batch's summed input width, which bounds activation memory. */
    private static final long INPUT_COLUMNS_PER_BATCH = 32_000L;
    private static final int MIN_INPUT_WIDTH = 64;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final CharDictionary dictionary;
    private final int height;
    private final int batchSize;
    private final ExecutorService pool;
    private final long pixelsPerBatch;
    private final TensorBuffers buffers = new TensorBuffers();

    public TextRecognizer(OrtEnvironment env, OrtSession session, CharDictionary dictionary, int batchSize,
                          ExecutorService pool) {
        this.env = env;
        this.session = session;
        this.dictionary = dictionary;
        this.batchSize = batchSize;
        this.pool = pool;
        try {
            this.inputName = session.getInputNames().iterator().next();
            long[] in = ((TensorInfo) session.getInputInfo().get(inputName).getInfo()).getShape();
            this.height = in.length == 4 && in[2] > 0 ? (int) in[2] : 48;
            NodeInfo output = session.getOutputInfo().values().iterator().next();
            long[] out = ((TensorInfo) output.getInfo()).getShape();
            long classes = out[out.length - 1];
            if (classes > 0 && classes != dictionary.size()) {
                throw new IllegalArgumentException("recognizer outputs " + classes + " classes but its dictionary "
                        + "gives " + dictionary.size() + " (blank + characters + space): wrong dictionary or "
                        + "USE_SPACE_CHAR");
            }
            this.pixelsPerBatch = Math.min(INPUT_COLUMNS_PER_BATCH, OUTPUT_FLOATS_PER_BATCH * 8 / dictionary.size());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot inspect recognizer model: " + e.getMessage(), e);
        }
    }

    public int inputHeight() {
        return height;
    }

    public CharDictionary dictionary() {
        return dictionary;
    }

    /** Readings of BGR crops of {@link #inputHeight()} rows, in the order given. */
    public List<LineReading> read(List<Mat> crops) {
        int[] widths = crops.stream().mapToInt(Mat::cols).toArray();
        List<int[]> batches = WidthBatcher.batches(widths, batchSize, pixelsPerBatch);
        List<CompletableFuture<List<LineReading>>> futures = new ArrayList<>();
        for (int[] batch : batches) {
            futures.add(CompletableFuture.supplyAsync(() -> readBatch(crops, batch), pool));
        }
        LineReading[] readings = new LineReading[crops.size()];
        for (int b = 0; b < batches.size(); b++) {
            List<LineReading> batchReadings = futures.get(b).join();
            int[] batch = batches.get(b);
            for (int i = 0; i < batch.length; i++) {
                readings[batch[i]] = batchReadings.get(i);
            }
        }
        return Arrays.asList(readings);
    }

    private List<LineReading> readBatch(List<Mat> crops, int[] batch) {
        int width = MIN_INPUT_WIDTH;
        for (int index : batch) {
            width = Math.max(width, crops.get(index).cols());
        }
        FloatBuffer input = buffers.get(batch.length * 3 * height * width);
        for (int i = 0; i < batch.length; i++) {
            fill(input, i, crops.get(batch[i]), width);
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {batch.length, 3, height, width});
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            long[] shape = output.getInfo().getShape();
            int steps = (int) shape[1];
            int classes = (int) shape[2];
            FloatBuffer probabilities = output.getFloatBuffer();
            List<LineReading> readings = new ArrayList<>(batch.length);
            for (int i = 0; i < batch.length; i++) {
                readings.add(decode(probabilities, i, steps, classes, width, crops.get(batch[i]).cols()));
            }
            return readings;
        } catch (OrtException e) {
            throw new IllegalStateException("text recognizer failed on a batch of " + batch.length + " lines "
                    + width + " px wide: " + e.getMessage(), e);
        }
    }

    private LineReading decode(FloatBuffer probabilities, int sample, int steps, int classes, int inputWidth,
                               int cropWidth) {
        int[] best = new int[steps];
        float[] bestProbability = new float[steps];
        float[] row = new float[classes];
        for (int t = 0; t < steps; t++) {
            probabilities.position((sample * steps + t) * classes);
            probabilities.get(row);
            int arg = 0;
            for (int c = 1; c < classes; c++) {
                if (row[c] > row[arg]) {
                    arg = c;
                }
            }
            best[t] = arg;
            bestProbability[t] = row[arg];
        }
        return new LineReading(CtcDecoder.decode(best, bestProbability, dictionary), steps, inputWidth, cropWidth);
    }

    /** Writes crop {@code slot} as (x/255 - 0.5) / 0.5 in planar order; the padding is 0, as in PaddleOCR. */
    private void fill(FloatBuffer input, int slot, Mat crop, int width) {
        Mat scaled = new Mat();
        crop.convertTo(scaled, CvType.CV_32FC3, 2 / 255.0, -1.0);
        int w = crop.cols();
        float[] pixels = new float[height * w * 3];
        scaled.get(0, 0, pixels);
        scaled.release();
        float[] planar = new float[3 * height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < w; x++) {
                int from = (y * w + x) * 3;
                int to = y * width + x;
                planar[to] = pixels[from];
                planar[height * width + to] = pixels[from + 1];
                planar[2 * height * width + to] = pixels[from + 2];
            }
        }
        input.put(slot * planar.length, planar);
    }
}
