package io.pero.cli.support;

import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;

/** A plain Curator client for tests to check znodes the tools wrote. */
public final class Zk {
    private Zk() {
    }

    public static CuratorFramework connect(String connectString) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder().connectString(connectString)
                .sessionTimeoutMs(30_000).connectionTimeoutMs(5_000).retryPolicy(new RetryOneTime(200)).build();
        client.start();
        if (!client.blockUntilConnected(10, TimeUnit.SECONDS)) {
            client.close();
            throw new IllegalStateException("test client cannot connect to " + connectString);
        }
        return client;
    }
}
