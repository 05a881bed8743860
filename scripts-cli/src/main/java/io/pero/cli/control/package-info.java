/** {@code pero-controller}: inspect workers and queues, switch, shut down and remove workers (spec §9.5). */
package io.pero.cli.control;
