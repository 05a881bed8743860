package io.pero.common.metrics;

import picocli.CommandLine.Option;

/**
 * The metrics endpoint's command-line options, shared by every daemon ({@code @Mixin}). Null when not given, so the ini
 * file's {@code metrics_port} and {@code metrics_address} can fill them in ({@link MetricsSettings#resolve}).
 */
public final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "serve /metrics, /health and /ready on this port (0 or absent: off)")
    Integer port;

    @Option(names = "--metrics-address", paramLabel = "ADDRESS",
            description = "address the metrics endpoint binds to (default 127.0.0.1)")
    String address;

    public MetricsOptions() {
    }

    /** For daemons started from code (tests, benchmarks). */
    public MetricsOptions(Integer port, String address) {
        this.port = port;
        this.address = address;
    }
}
