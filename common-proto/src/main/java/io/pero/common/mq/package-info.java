/** RabbitMQ through the AMQP client: named connections with recovery, confirmed publishing and the queue topology. */
package io.pero.common.mq;
