/** {@code pero-load}: synthetic load, as the original's {@code dummy_msg_generator.py} (spec §9.6). */
package io.pero.cli.load;
