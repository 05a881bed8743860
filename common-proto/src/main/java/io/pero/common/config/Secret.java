package io.pero.common.config;

import java.util.Objects;

/** A password or other secret. {@link #toString()} never reveals it, so it cannot leak into logs. */
public final class Secret {
    private static final Secret NONE = new Secret(null);
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null ? NONE : new Secret(value);
    }

    public static Secret none() {
        return NONE;
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The secret itself, for handing to a client library. Never log the result. */
    public String reveal() {
        return value;
    }

    public String revealOr(String fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public String toString() {
        return value == null ? "<none>" : "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Objects.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }
}
