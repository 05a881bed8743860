package io.pero.common.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.testing.ZooKeeperSaslUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.data.ClientInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DIGEST-MD5 against a ZooKeeper that knows user {@code bob} through a JAAS {@code Server} section (spec §4.4). */
class CuratorClientsSaslIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ZooKeeperSaslUsers users;
    private static TestingServer server;

    @BeforeAll
    static void startSaslZooKeeper() throws Exception {
        // The server reads its users from the process-wide JAAS configuration, as it would from a JAAS file.
        users = ZooKeeperSaslUsers.install(Map.of("bob", "bobsecret", "alice", "alicesecret"));
        InstanceSpec spec = new InstanceSpec(Files.createTempDirectory("pero-zk-sasl-").toFile(), -1, -1, -1, true, -1, 500,
                1000, Map.of(), "127.0.0.1");
        server = new TestingServer(spec, true);
    }

    @AfterAll
    static void stopSaslZooKeeper() throws Exception {
        try {
            server.close();
        } finally {
            users.close();
        }
    }

    @Test
    void clientWithUsernameIsAuthenticatedAsThatUser() throws Exception {
        try (CuratorFramework client = CuratorClients.startAndWait(settings("bob", "bobsecret"), WAIT)) {
            client.create().forPath("/sasl-ok");

            List<ClientInfo> identities = client.getZookeeperClient().getZooKeeper().whoAmI();
            assertTrue(identities.stream().anyMatch(i -> i.getAuthScheme().equals("sasl") && i.getUser().equals("bob")),
                    identities::toString);
        }
    }

    @Test
    void clientsOfDifferentUsersInOneJvmKeepTheirOwnIdentity() throws Exception {
        try (CuratorFramework bob = CuratorClients.startAndWait(settings("bob", "bobsecret"), WAIT);
                CuratorFramework alice = CuratorClients.startAndWait(settings("alice", "alicesecret"), WAIT)) {
            assertTrue(identities(bob).contains("sasl:bob"), identities(bob)::toString);
            assertTrue(identities(alice).contains("sasl:alice"), identities(alice)::toString);
        }
    }

    @Test
    void wrongPasswordIsAConfigErrorNamingUserAndServerButNotThePassword() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> CuratorClients.startAndWait(settings("bob", "wrong-secret"), WAIT));

        assertEquals("ZooKeeper authentication refused for user bob at " + server.getConnectString(), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret"));
    }

    private static List<String> identities(CuratorFramework client) throws Exception {
        return client.getZookeeperClient().getZooKeeper().whoAmI().stream()
                .map(i -> i.getAuthScheme() + ":" + i.getUser()).toList();
    }

    private static ZkSettings settings(String user, String password) {
        return ZkTestSettings.forConnectString(server.getConnectString(), Duration.ofSeconds(10),
                new Credentials(Optional.of(user), Secret.of(password), Optional.<Path>empty()));
    }
}
