/**
 * A deterministic, seeded discrete-event simulation of workers, stage queues and a watchdog policy, to compare policies
 * against a lower bound and a static assignment ({@code pero-watchdog simulate}). Simulated workers behave like the JVM
 * worker: they consume continuously, finish the message in hand before switching, and report their switch time.
 */
package io.pero.watchdog.sim;
