/** Writes a {@link io.pero.watchdog.plan.Plan} to ZooKeeper, only while this watchdog may write, fenced by its leader node. */
package io.pero.watchdog.apply;
