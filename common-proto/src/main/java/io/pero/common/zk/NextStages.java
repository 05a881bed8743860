package io.pero.common.zk;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of the extension node {@code /pero/queue/<stage>/next_stages}: where the requests a worker processed at this
 * stage went next, one {@code <next stage> <count>} per line. Workers write it, the watchdog reads it to learn the
 * pipeline order (which work is on its way to which stage). Python tools ignore the node.
 */
public final class NextStages {
    private NextStages() {
    }

    public static byte[] format(Map<String, Long> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((stage, count) -> sb.append(stage).append(' ').append(count).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Lines that are not {@code <name> <non-negative count>} are skipped: the node is a hint, never a reason to fail. */
    public static Map<String, Long> parse(byte[] data) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (data == null) {
            return counts;
        }
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2 || parts[0].isEmpty()) {
                continue;
            }
            try {
                long count = Long.parseLong(parts[1]);
                if (count > 0) {
                    counts.merge(parts[0], count, Long::sum);
                }
            } catch (NumberFormatException e) {
                // skipped, see above
            }
        }
        return counts;
    }
}
