package io.pero.worker.processing;

import io.pero.common.config.ConfigException;
import io.pero.common.config.IniFile;
import java.time.Duration;

/**
 * The simulated processing time of a DUMMY stage (spec §6.6): {@code size × TIME_SCALE + uniform(min, max)}, clamped at 0,
 * where min/max are {@code TIME_DIFF_MIN}/{@code TIME_DIFF_MAX} when both are given and not both 0, else
 * {@code ±TIME_DELTA}. Pure: the random draw comes in as an argument.
 */
record DummySettings(double timeScale, double timeDelta, double diffMin, double diffMax) {
    static final String SECTION = "WORKER";
    static final String TIME_SCALE = "TIME_SCALE";
    static final String TIME_DELTA = "TIME_DELTA";
    static final String TIME_DIFF_MIN = "TIME_DIFF_MIN";
    static final String TIME_DIFF_MAX = "TIME_DIFF_MAX";

    /** Reads and validates the keys; a bad number or min > max is a {@link ConfigException} naming file and key. */
    static DummySettings from(IniFile config) {
        double scale = config.getDouble(SECTION, TIME_SCALE).orElse(1.0);
        double delta = config.getDouble(SECTION, TIME_DELTA).orElse(0.0);
        double min = 0;
        double max = 0;
        // As the original: the range counts only when both ends are given.
        if (config.isSetNonEmpty(SECTION, TIME_DIFF_MIN) && config.isSetNonEmpty(SECTION, TIME_DIFF_MAX)) {
            min = config.getDouble(SECTION, TIME_DIFF_MIN).orElseThrow();
            max = config.getDouble(SECTION, TIME_DIFF_MAX).orElseThrow();
        }
        if (min == 0 && max == 0) {
            min = -delta;
            max = delta;
        }
        // Differs from the original: it crashed with a NameError here (spec §12 item 4); this is a clear config error.
        if (min > max) {
            throw new ConfigException(config.source() + " [" + SECTION + "] " + TIME_DIFF_MIN + "=" + min + " is greater than "
                    + TIME_DIFF_MAX + "=" + max + ": the minimal processing time cannot exceed the maximal one");
        }
        for (double v : new double[] {scale, delta, min, max}) {
            if (!Double.isFinite(v)) {
                throw new ConfigException(config.source() + " [" + SECTION + "]: dummy timing values must be finite numbers");
            }
        }
        return new DummySettings(scale, delta, min, max);
    }

    /** Seconds to simulate for {@code dataSize} bytes, given {@code uniform01} drawn from [0, 1). */
    double seconds(long dataSize, double uniform01) {
        double t = dataSize * timeScale + diffMin + (diffMax - diffMin) * uniform01;
        return Math.max(0, t);
    }

    static Duration toDuration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
