package io.pero.logdaemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotationPolicyTest {
    private static final Instant T0 = Instant.parse("2023-08-07T10:11:12.123456Z");
    private static final String F1 = "pero_2023-08-07T10-11-12.123456Z.log";
    private static final String F2 = "pero_2023-08-08T00-00-00.000000Z.log";
    private static final String F3 = "pero_2023-09-01T09-30-00.500000Z.log";
    private static final String F4 = "pero_2024-01-01T00-00-00.000001Z.log";

    @ParameterizedTest(name = "open {0} min of a 10 min period -> rotate={1}")
    @CsvSource({"0, false", "9, false", "10, true", "11, true", "100000, true"})
    void rotatesOnceTheFileHasBeenOpenForAWholePeriod(long minutesOpen, boolean rotate) {
        RotationPolicy policy = new RotationPolicy(Duration.ofMinutes(10), 0);
        OpenFile file = new OpenFile(LogFileName.of(T0), T0);
        assertEquals(rotate, policy.shouldRotate(file, T0.plus(Duration.ofMinutes(minutesOpen))));
    }

    @Test
    void doesNotRotateJustBeforeThePeriodEnds() {
        RotationPolicy policy = new RotationPolicy(Duration.ofMinutes(10080), 0);
        OpenFile file = new OpenFile(LogFileName.of(T0), T0);
        assertFalse(policy.shouldRotate(file, T0.plus(Duration.ofDays(7)).minusNanos(1000)));
        assertTrue(policy.shouldRotate(file, T0.plus(Duration.ofDays(7))));
    }

    @Test
    void retentionDeletesOnlyOwnFilesOldestFirstAndKeepsExactlyNAtStartup() {
        RotationPolicy policy = new RotationPolicy(Duration.ofMinutes(1), 2);
        List<String> dir = List.of(F3, "notes.txt", F1, "pero_2023-08-07T10:11:12.123456+00:00.log", F4,
                "pero_latest.log", F2, "pero_2023-13-01T00-00-00.000000Z.log", "xpero_2023-08-07T10-11-12.123456Z.log");
        assertEquals(List.of(F1, F2), policy.toDeleteAtStartup(dir));
    }

    @Test
    void beforeANewFileRetentionLeavesRoomForItSoNotNPlusOneFilesExist() {
        RotationPolicy policy = new RotationPolicy(Duration.ofMinutes(1), 2);
        assertEquals(List.of(F1, F2), policy.toDeleteBeforeNewFile(List.of(F2, F3, F1)));
        assertEquals(List.of(), policy.toDeleteBeforeNewFile(List.of(F2)));
    }

    @Test
    void keepingOneFileDeletesEveryOldOwnFileBeforeANewOne() {
        RotationPolicy policy = new RotationPolicy(Duration.ofMinutes(1), 1);
        assertEquals(List.of(F1, F2, F3), policy.toDeleteBeforeNewFile(List.of(F3, F1, "keep.me", F2)));
        assertEquals(List.of(F1, F2), policy.toDeleteAtStartup(List.of(F3, F1, "keep.me", F2)));
    }

    @Test
    void zeroKeepsEverything() {
        RotationPolicy policy = new RotationPolicy(Duration.ofMinutes(1), 0);
        assertEquals(List.of(), policy.toDeleteAtStartup(List.of(F1, F2, F3, F4)));
        assertEquals(List.of(), policy.toDeleteBeforeNewFile(List.of(F1, F2, F3, F4)));
    }

    @Test
    void rejectsNonPositivePeriodAndNegativeCount() {
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(Duration.ofMinutes(1), -1));
    }
}
