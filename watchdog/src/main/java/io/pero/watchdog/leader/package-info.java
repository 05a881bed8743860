/** Which of the running watchdogs writes: a Curator LeaderLatch, with writing stopped the moment the connection wavers. */
package io.pero.watchdog.leader;
