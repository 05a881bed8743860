/** {@code pero-mq-config}: RabbitMQ users, vhosts and permissions through the management API (spec §9.4). */
package io.pero.cli.mq;
