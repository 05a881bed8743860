/** TLS trust from the CA certificate PEM shared by ZooKeeper and AMQP clients. */
package io.pero.common.tls;
