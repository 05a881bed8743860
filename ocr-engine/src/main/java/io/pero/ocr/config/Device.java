package io.pero.ocr.config;

/** Where inference runs. GPU uses ONNX Runtime's CUDA execution provider and falls back to the CPU when absent. */
public enum Device {
    CPU, GPU
}
