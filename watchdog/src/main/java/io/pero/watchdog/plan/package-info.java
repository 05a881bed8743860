/**
 * Scheduling decisions as pure functions of a {@link io.pero.watchdog.snapshot.ClusterSnapshot}: which worker moves to which
 * stage, and which stages start or stop waiting. Nothing here talks to ZooKeeper or RabbitMQ; time comes from the snapshot.
 */
package io.pero.watchdog.plan;
