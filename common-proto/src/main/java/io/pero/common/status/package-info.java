/** Worker and stage-log status strings as they appear on the wire. */
package io.pero.common.status;
