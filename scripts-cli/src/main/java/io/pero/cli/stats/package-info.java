/** {@code pero-stats}: statistics over a downloaded result directory, as the original's {@code stats.py} (spec §9.7). */
package io.pero.cli.stats;
