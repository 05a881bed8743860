/** Server addresses and the server-list syntax of the Python original. */
package io.pero.common.net;
