package io.pero.cli.load;

import io.pero.common.config.ConfigException;
import java.util.random.RandomGenerator;

/**
 * How large each synthetic message's payload is: uniform in {@code [min, max]} bytes, from {@code --size N},
 * {@code --size N --size-delta D} ({@code N-D .. N+D}) or {@code --size-range MIN MAX}. Pure.
 */
record MessageSizes(int min, int max) {
    MessageSizes {
        if (min < 0 || max < min) {
            throw new ConfigException("message size range " + min + ".." + max + ": needs 0 <= MIN <= MAX");
        }
    }

    static MessageSizes of(int size, int delta, Integer rangeMin, Integer rangeMax) {
        if (rangeMin != null) {
            return new MessageSizes(rangeMin, rangeMax);
        }
        if (size < 0 || delta < 0) {
            throw new ConfigException("--size " + size + " --size-delta " + delta + ": must be >= 0");
        }
        return new MessageSizes(Math.max(0, size - delta), size + delta);
    }

    int next(RandomGenerator random) {
        return min == max ? min : random.nextInt(min, max + 1);
    }
}
