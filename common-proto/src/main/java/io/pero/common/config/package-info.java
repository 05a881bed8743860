/** Configuration plumbing shared by every component: ini files, keys, credentials, secrets, exit codes and errors. */
package io.pero.common.config;
