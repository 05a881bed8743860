package io.pero.cli.support;

/** Exit code and captured output of one in-process tool run. */
public record CliResult(int code, String out, String err) {
    @Override
    public String toString() {
        return "exit=" + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
