package io.pero.common.status;

/** The two values of {@code StageLog.status} (spec §2). */
public final class StageLogStatus {
    public static final String OK = "OK";
    public static final String FAILED = "Failed";

    private StageLogStatus() {
    }
}
