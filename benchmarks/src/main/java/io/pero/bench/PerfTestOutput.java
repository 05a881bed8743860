package io.pero.bench;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PerfTest's summary lines ({@code id: …, sending rate avg: 4867 msg/s}). Pure. */
final class PerfTestOutput {
    private static final Pattern SENDING = Pattern.compile("sending rate avg: (\\d+(?:\\.\\d+)?) msg/s");
    private static final Pattern RECEIVING = Pattern.compile("receiving rate avg: (\\d+(?:\\.\\d+)?) msg/s");

    private PerfTestOutput() {
    }

    static OptionalDouble sendingRate(String output) {
        return find(SENDING, output);
    }

    static OptionalDouble receivingRate(String output) {
        return find(RECEIVING, output);
    }

    private static OptionalDouble find(Pattern p, String output) {
        Matcher m = p.matcher(output);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }
}
