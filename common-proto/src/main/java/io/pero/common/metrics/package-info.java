/**
 * The daemons' HTTP endpoint: {@code /metrics} (Prometheus text format, from the Prometheus Java client's registry),
 * {@code /health} and {@code /ready}, and how its address is configured ({@code --metrics-port}, {@code metrics_port}).
 */
package io.pero.common.metrics;
