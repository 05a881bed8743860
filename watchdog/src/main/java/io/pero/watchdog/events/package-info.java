/**
 * What makes the leader re-plan between its periodic cycles: workers going idle, connecting or disappearing (ZooKeeper
 * cache), stage queues filling or draining (AMQP ready-count polls), collected by a debouncing {@link
 * io.pero.watchdog.events.ReplanTrigger}.
 */
package io.pero.watchdog.events;
