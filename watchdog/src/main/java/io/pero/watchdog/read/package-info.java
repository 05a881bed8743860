/**
 * Builds a {@link io.pero.watchdog.snapshot.ClusterSnapshot}: stages and workers from ZooKeeper, queue depths from the
 * RabbitMQ management API or, when none is configured or none answers, from AMQP passive declares.
 */
package io.pero.watchdog.read;
