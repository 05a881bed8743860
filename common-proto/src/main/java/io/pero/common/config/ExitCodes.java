package io.pero.common.config;

/** Process exit codes shared by every command and daemon (see README "Exit codes"). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_CONFIG = 3;
    public static final int UNREACHABLE = 4;
    /** Daemon identity held by a live process (worker id still connected after the stale-session wait); retried. */
    public static final int ID_IN_USE = 5;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
