package io.pero.watchdog.sim;

/** A stage: mean seconds per message (each message draws uniformly from 0.5× to 1.5× of it) and seconds to switch to it. */
public record SimStage(String name, double meanSeconds, double switchSeconds) {
    public SimStage {
        if (!(meanSeconds > 0) || switchSeconds < 0) {
            throw new IllegalArgumentException("stage " + name + ": mean must be > 0 and switch time >= 0");
        }
    }
}
