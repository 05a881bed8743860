package io.pero.ocr.config;

import java.nio.file.Path;

/**
 * Every setting of the OCR engine, read from a stage's {@code config.ini} (sections in the spirit of pero-ocr).
 * Absent keys take the defaults below. Model and dictionary paths are relative to the stage directory; an absent
 * key means the model bundled on the class path; {@code builtin:NAME} names a bundled model explicitly.
 * A bad value is an {@link IllegalArgumentException} naming the file, section and key.
 *
 * <table>
 * <caption>config.ini keys</caption>
 * <tr><th>section</th><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>OCR</td><td>MAX_IMAGE_MEGAPIXELS</td><td>400</td><td>larger images are refused with an error before any
 *     work (a 20000×20000 page is 400 MP and is read with bounded memory)</td></tr>
 * <tr><td>DETECTION</td><td>MODEL</td><td>builtin:ch_PP-OCRv4_det_infer.onnx</td><td>DB text detector (ONNX)</td></tr>
 * <tr><td>DETECTION</td><td>PIXEL_THRESHOLD</td><td>0.3</td><td>detector probability above which a pixel is
 *     text</td></tr>
 * <tr><td>DETECTION</td><td>BOX_THRESHOLD</td><td>0.5</td><td>minimum mean probability inside a line's contour</td></tr>
 * <tr><td>DETECTION</td><td>UNCLIP_RATIO</td><td>1.8</td><td>how far a detected kernel is grown back to the line's
 *     outline</td></tr>
 * <tr><td>DETECTION</td><td>TARGET_LINE_HEIGHT</td><td>24</td><td>the page is scaled for detection so that its
 *     median line is about this many pixels high</td></tr>
 * <tr><td>DETECTION</td><td>MAX_MEGAPIXELS</td><td>16</td><td>cap on the detector input size</td></tr>
 * <tr><td>DETECTION</td><td>TILE_SIZE</td><td>640</td><td>detector tile side, multiple of 32 (bounds memory:
 *     about 230 MB of activations per megapixel of tile)</td></tr>
 * <tr><td>DETECTION</td><td>TILE_OVERLAP</td><td>64</td><td>overlap of neighbouring tiles, multiple of 32</td></tr>
 * <tr><td>RECOGNITION</td><td>MODEL</td><td>builtin:en_PP-OCRv4_rec.onnx</td><td>CTC recognizer (the English PP-OCRv4
 *     model committed with this module)</td></tr>
 * <tr><td>RECOGNITION</td><td>DICTIONARY</td><td>the model's own</td><td>character list, one per line; required for
 *     a model file that is not a bundled one</td></tr>
 * <tr><td>RECOGNITION</td><td>USE_SPACE_CHAR</td><td>yes</td><td>the model has a space class after the
 *     dictionary</td></tr>
 * <tr><td>RECOGNITION</td><td>BATCH_SIZE</td><td>0</td><td>lines per inference batch, lines of similar width
 *     together; 0 = automatic: 1 on the CPU (batching only costs there), 16 on the GPU</td></tr>
 * <tr><td>RECOGNITION</td><td>MIN_CONFIDENCE</td><td>0.5</td><td>lines below this mean confidence are dropped</td></tr>
 * <tr><td>RECOGNITION</td><td>MAX_LINE_WIDTH</td><td>4000</td><td>widest line crop in pixels at the model's input
 *     height (48); wider lines are squeezed</td></tr>
 * <tr><td>RECOGNITION</td><td>WIDTH_SCALE</td><td>0.75</td><td>line crops are narrowed by this factor: recognition
 *     time is proportional to crop width, accuracy held down to 0.75</td></tr>
 * <tr><td>RECOGNITION</td><td>RESTORE_UMLAUTS</td><td>yes</td><td>put back ä ö ü that a recognizer without them
 *     (the English one) reads as a o u, where the page shows two marks above the letter</td></tr>
 * <tr><td>LAYOUT</td><td>READING_ORDER</td><td>columns</td><td>{@code columns} (column-aware) or {@code top_down}</td></tr>
 * <tr><td>LAYOUT</td><td>DESKEW</td><td>yes</td><td>analyse the layout in the page's deskewed frame</td></tr>
 * <tr><td>DEVICE</td><td>DEVICE</td><td>cpu</td><td>{@code cpu} or {@code gpu} (CUDA; falls back to the CPU with a
 *     warning)</td></tr>
 * <tr><td>DEVICE</td><td>GPU_ID</td><td>0</td><td>CUDA device number</td></tr>
 * <tr><td>DEVICE</td><td>THREADS</td><td>0</td><td>inference threads; 0 = one per available processor</td></tr>
 * </table>
 */
public record OcrConfig(double maxImageMegapixels, DetectionConfig detection, RecognitionConfig recognition,
                        LayoutConfig layout, DeviceConfig device) {

    public static final String FILE_NAME = "config.ini";

    public static OcrConfig defaults() {
        return new OcrConfig(400.0, DetectionConfig.defaults(), RecognitionConfig.defaults(), LayoutConfig.defaults(),
                DeviceConfig.defaults());
    }

    /** Reads {@code stageDir/config.ini}; a missing file is an error, missing keys take defaults. */
    public static OcrConfig load(Path stageDir) {
        return OcrConfigLoader.load(stageDir);
    }

    public OcrConfig withDevice(DeviceConfig newDevice) {
        return new OcrConfig(maxImageMegapixels, detection, recognition, layout, newDevice);
    }

    public OcrConfig withRecognition(RecognitionConfig newRecognition) {
        return new OcrConfig(maxImageMegapixels, detection, newRecognition, layout, device);
    }

    public OcrConfig withDetection(DetectionConfig newDetection) {
        return new OcrConfig(maxImageMegapixels, newDetection, recognition, layout, device);
    }

    public OcrConfig withLayout(LayoutConfig newLayout) {
        return new OcrConfig(maxImageMegapixels, detection, recognition, newLayout, device);
    }

    public OcrConfig withMaxImageMegapixels(double megapixels) {
        return new OcrConfig(megapixels, detection, recognition, layout, device);
    }
}
