package io.pero.common.config;

/** Invalid configuration: the message names the file, section and key. Daemons exit with code 3 on it. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
