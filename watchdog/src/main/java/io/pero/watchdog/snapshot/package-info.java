/** What the watchdog knows about the cluster at one instant: stages, queue depths, workers. Pure data, no I/O. */
package io.pero.watchdog.snapshot;
