package io.pero.ocr.cli;

/**
 * Exit codes of the ocr-engine commands: the project's table (io.pero.common.config.ExitCodes, repeated here
 * because this module depends on no other module of ours).
 */
public final class CliExitCodes {
    public static final int OK = 0;
    /** Some inputs failed; each is listed on stderr. */
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_CONFIG = 3;
    public static final int INTERRUPTED = 130;

    private CliExitCodes() {
    }
}
