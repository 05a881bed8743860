package io.pero.watchdog;

import io.pero.common.config.Credentials;
import io.pero.common.logging.LogSettings;
import io.pero.common.metrics.MetricsSettings;
import io.pero.common.zk.ZkSettings;
import io.pero.watchdog.plan.DefaultPolicy;
import io.pero.watchdog.plan.OriginalPolicy;
import io.pero.watchdog.plan.RebalancePolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * The watchdog's validated configuration.
 *
 * @param policyName      {@link DefaultPolicy#NAME} or {@link OriginalPolicy#NAME}
 * @param removeDeadAfter grace period before disconnected workers are removed; empty = only report them
 * @param eventDebounce     from the first event of a burst to the re-plan
 * @param queuePollInterval between polls of the stage queues' ready counts; zero = no polling
 */
record WatchdogConfig(ZkSettings zk, Duration interval, String policyName, DefaultPolicy.Settings policySettings,
                      boolean leaderElection, Optional<Duration> removeDeadAfter, Duration httpTimeout, boolean dryRun,
                      LogSettings logging, MetricsSettings metrics, Duration eventDebounce, Duration queuePollInterval) {
    Credentials credentials() {
        return zk.credentials();
    }

    RebalancePolicy policy() {
        return policyName.equals(OriginalPolicy.NAME) ? new OriginalPolicy() : new DefaultPolicy(policySettings);
    }
}
