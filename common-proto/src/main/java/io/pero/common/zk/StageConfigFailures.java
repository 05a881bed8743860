package io.pero.common.zk;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How often workers failed to configure a stage at one config version: the text of
 * {@link ZkPaths#stageConfigFailures(String)}, {@code <config version>\n<count>\n<last reason>}. Written by workers,
 * read by the watchdog, which stops assigning workers to the stage once {@code count} reaches its limit while
 * {@code version} is still the stage's config version.
 */
public record StageConfigFailures(String version, int count, String lastReason) {
    public StageConfigFailures {
        version = version == null ? "" : version;
        lastReason = lastReason == null ? "" : lastReason;
    }

    /** One more failure at {@code failedVersion}: counts on at the same version, starts at 1 at another. */
    public StageConfigFailures plus(String failedVersion, String reason) {
        return new StageConfigFailures(failedVersion, failedVersion.equals(version) ? count + 1 : 1, reason);
    }

    /** Whether these failures are about {@code currentVersion} and reached {@code limit}. */
    public boolean blocks(String currentVersion, int limit) {
        return version.equals(currentVersion) && count >= limit;
    }

    public byte[] encode() {
        return (version + "\n" + count + "\n" + lastReason.replace('\n', ' ')).getBytes(StandardCharsets.UTF_8);
    }

    /** Empty when the text is empty or not in this format (then it counts as no failures). */
    public static Optional<StageConfigFailures> parse(byte[] data) {
        if (data == null || data.length == 0) {
            return Optional.empty();
        }
        String[] parts = new String(data, StandardCharsets.UTF_8).split("\n", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            int count = Integer.parseInt(parts[1].trim());
            return count < 0 ? Optional.empty()
                    : Optional.of(new StageConfigFailures(parts[0].trim(), count, parts.length > 2 ? parts[2] : ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
