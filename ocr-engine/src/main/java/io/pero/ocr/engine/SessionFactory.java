package io.pero.ocr.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.pero.ocr.config.Device;
import io.pero.ocr.config.DeviceConfig;
import io.pero.ocr.config.ModelRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates ONNX Runtime sessions on the configured device. Each session runs single-threaded: the engine's own pool
 * runs tiles and batches in parallel, which keeps every core busy without ONNX Runtime's spinning thread pools
 * competing with each other. A GPU request without a usable CUDA provider falls back to the CPU with one WARN line.
 */
final class SessionFactory {
    private static final Logger log = LoggerFactory.getLogger(SessionFactory.class);

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final DeviceConfig device;
    private volatile Boolean gpuUsable;

    SessionFactory(DeviceConfig device) {
        this.device = device;
    }

    OrtEnvironment environment() {
        return env;
    }

    /** Whether sessions run on the GPU (false until the first session is opened, and after a fallback). */
    boolean onGpu() {
        return Boolean.TRUE.equals(gpuUsable);
    }

    OrtSession open(ModelRef model) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            // Without the CPU arena every run maps and faults in fresh pages: measured 1.5-4x slower on line crops.
            options.setCPUArenaAllocator(true);
            if (device.device() == Device.GPU && gpuUsable != Boolean.FALSE) {
                tryCuda(options);
            }
            return model.isBuiltin()
                    ? env.createSession(ModelBytes.read(model), options)
                    : env.createSession(model.file().toString(), options);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load ONNX model " + model + ": " + e.getMessage(), e);
        }
    }

    private void tryCuda(OrtSession.SessionOptions options) {
        String reason;
        try {
            if (OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA)) {
                options.addCUDA(device.gpuId());
                if (gpuUsable == null) {
                    log.info("onnx runtime using CUDA execution provider gpu_id={}", device.gpuId());
                }
                gpuUsable = true;
                return;
            }
            reason = "this build has no CUDA execution provider (build with -Pgpu for onnxruntime_gpu)";
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            reason = "CUDA execution provider failed to start: " + e.getMessage();
        }
        log.warn("gpu requested but falling back to cpu gpu_id={} reason={}", device.gpuId(), reason);
        gpuUsable = false;
    }

    /** Reads a bundled model from the class path. */
    static final class ModelBytes {
        private ModelBytes() {
        }

        static byte[] read(ModelRef model) {
            for (String resource : model.classpathCandidates()) {
                try (InputStream in = SessionFactory.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in != null) {
                        return in.readAllBytes();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read bundled model " + resource, e);
                }
            }
            throw new IllegalArgumentException("no bundled model named " + model.builtin()
                    + " on the class path (looked in " + String.join(", ", model.classpathCandidates()) + ")");
        }

        static boolean exists(ModelRef model) {
            for (String resource : model.classpathCandidates()) {
                if (SessionFactory.class.getClassLoader().getResource(resource) != null) {
                    return true;
                }
            }
            return false;
        }
    }
}
