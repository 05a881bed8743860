package io.pero.ocr.config;

/**
 * Inference device (section {@code [DEVICE]}).
 *
 * @param device  cpu or gpu (CUDA; falls back to the CPU with a warning when unavailable)
 * @param gpuId   CUDA device number
 * @param threads worker threads for inference; 0 = one per available processor
 */
public record DeviceConfig(Device device, int gpuId, int threads) {
    public static DeviceConfig defaults() {
        return new DeviceConfig(Device.CPU, 0, 0);
    }

    /** The thread count to use, resolving 0 to the number of available processors. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
