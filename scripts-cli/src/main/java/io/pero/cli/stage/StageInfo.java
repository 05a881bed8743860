package io.pero.cli.stage;

import java.math.BigInteger;
import java.util.Optional;

/** What ZooKeeper holds for one stage (spec §3.2); text values are empty when the node is missing or empty. */
public record StageInfo(String name, String config, String configPath, String configVersion, BigInteger administrativePriority,
                        Optional<Double> avgMsgTimeSeconds, String waitingSince, String minWorkers, String maxWorkers) {
    public StageInfo(String name, String config, String configPath, String configVersion, BigInteger administrativePriority,
                     Optional<Double> avgMsgTimeSeconds, String waitingSince) {
        this(name, config, configPath, configVersion, administrativePriority, avgMsgTimeSeconds, waitingSince, "", "");
    }
}
