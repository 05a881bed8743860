/**
 * What every command and daemon shares on its command line: the connection options with their {@code PERO_*}
 * environment twins ({@link io.pero.common.cli.ConnectionOptions}), {@code --verbose}
 * ({@link io.pero.common.cli.VerbosityOptions}), and the one mapping from a failure to an exit code and an
 * {@code error:} line ({@link io.pero.common.cli.Failures}).
 */
package io.pero.common.cli;
