package io.pero.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What {@code /ready} checks: named conditions (e.g. "zookeeper connected"), each a cheap in-memory check. Ready when
 * every condition holds; otherwise the endpoint names the ones that do not. Conditions are added while the daemon starts,
 * so a daemon that has not connected yet has its "started" condition unmet.
 */
public final class Readiness {
    private final Map<String, BooleanSupplier> conditions = new LinkedHashMap<>();

    public synchronized Readiness require(String name, BooleanSupplier condition) {
        conditions.put(name, condition);
        return this;
    }

    /** The names of the conditions that do not hold now; empty means ready. A condition that throws does not hold. */
    public synchronized List<String> unmet() {
        List<String> unmet = new ArrayList<>();
        conditions.forEach((name, condition) -> {
            boolean holds;
            try {
                holds = condition.getAsBoolean();
            } catch (RuntimeException e) {
                holds = false;
            }
            if (!holds) {
                unmet.add(name);
            }
        });
        return unmet;
    }
}
