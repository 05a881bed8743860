/**
 * How a daemon logs: the verbosity and log-format options ({@code --verbose}, {@code --log-format text|json}, ini key
 * {@code log_format}) and applying them to Logback at start.
 */
package io.pero.common.logging;
