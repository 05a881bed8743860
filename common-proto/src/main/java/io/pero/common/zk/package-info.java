/** ZooKeeper through Curator: client construction, the kazoo-compatible lock, server-list watching, znode paths and data codecs. */
package io.pero.common.zk;
