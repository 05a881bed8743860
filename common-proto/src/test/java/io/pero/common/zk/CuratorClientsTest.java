package io.pero.common.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import io.pero.common.config.Credentials;
import io.pero.common.config.Secret;
import io.pero.common.net.ServerAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import org.apache.zookeeper.client.ZKClientConfig;
import org.junit.jupiter.api.Test;

/** What each client is configured with; connecting is covered by {@code CuratorClientsIT}. */
class CuratorClientsTest {

    @Test
    void saslClientGetsItsOwnJaasSectionWithADigestLogin() {
        ZKClientConfig config = CuratorClients.clientConfig(settings(credentials("alice", "wonderland", null)));

        String section = config.getProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY);
        assertNotEquals(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY_DEFAULT, section);
        AppConfigurationEntry[] entries = Configuration.getConfiguration().getAppConfigurationEntry(section);
        assertEquals(1, entries.length);
        assertEquals("org.apache.zookeeper.server.auth.DigestLoginModule", entries[0].getLoginModuleName());
        assertEquals(Map.of("username", "alice", "password", "wonderland"), entries[0].getOptions());
        assertNull(System.getProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY), "no global SASL system property");
    }

    @Test
    void clientsWithDifferentUsersGetDifferentSectionsAndSameUsersShareOne() {
        String alice = CuratorClients.clientConfig(settings(credentials("alice", "one", null)))
                .getProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY);
        String bob = CuratorClients.clientConfig(settings(credentials("bob", "two", null)))
                .getProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY);
        String aliceAgain = CuratorClients.clientConfig(settings(credentials("alice", "one", null)))
                .getProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY);

        assertNotEquals(alice, bob);
        assertEquals(alice, aliceAgain);
        assertFalse(alice.contains("one") || bob.contains("two"), "section names carry no password");
    }

    @Test
    void clientWithoutUsernameKeepsZooKeeperDefaults() {
        ZKClientConfig config = CuratorClients.clientConfig(settings(Credentials.none()));

        assertEquals(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY_DEFAULT,
                config.getProperty(ZKClientConfig.LOGIN_CONTEXT_NAME_KEY, ZKClientConfig.LOGIN_CONTEXT_NAME_KEY_DEFAULT));
        assertFalse(config.getBoolean(ZKClientConfig.SECURE_CLIENT));
    }

    @Test
    void caCertTurnsOnTlsWithNettyAndAPemTruststoreForThisClientOnly() throws Exception {
        Path ca = resource("/tls/ca.pem");
        ZKClientConfig config = CuratorClients.clientConfig(
                new ZkSettings(List.of(ServerAddress.of("zk1")), credentials(null, null, ca), Duration.ofSeconds(30),
                        Duration.ofSeconds(5), false));

        assertTrue(config.getBoolean(ZKClientConfig.SECURE_CLIENT));
        assertEquals("org.apache.zookeeper.ClientCnxnSocketNetty", config.getProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET));
        assertEquals(ca.toAbsolutePath().toString(), config.getProperty("zookeeper.ssl.trustStore.location"));
        assertEquals("PEM", config.getProperty("zookeeper.ssl.trustStore.type"));
        assertEquals("false", config.getProperty("zookeeper.ssl.hostnameVerification"));
        assertNull(System.getProperty(ZKClientConfig.SECURE_CLIENT), "no global TLS system property");
    }

    @Test
    void missingCaCertIsAConfigErrorNamingTheFile() {
        Path missing = Path.of("/nonexistent/ca.pem");

        ConfigException e = assertThrows(ConfigException.class,
                () -> CuratorClients.newClient(settings(credentials(null, null, missing))));
        assertTrue(e.getMessage().contains("/nonexistent/ca.pem"), e.getMessage());
    }

    @Test
    void jaasSectionsOfOthersStillResolveThroughTheInstalledConfiguration() {
        Configuration before = Configuration.getConfiguration();
        Configuration other = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return "OtherApp".equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry("x.Module",
                        AppConfigurationEntry.LoginModuleControlFlag.OPTIONAL, Map.of())} : null;
            }
        };
        Configuration.setConfiguration(other);
        try {
            String section = ZkJaasSections.sectionFor("carol", "pw");

            Configuration installed = Configuration.getConfiguration();
            assertEquals("x.Module", installed.getAppConfigurationEntry("OtherApp")[0].getLoginModuleName());
            assertEquals(1, installed.getAppConfigurationEntry(section).length);
            assertNull(installed.getAppConfigurationEntry("Unknown"));
        } finally {
            Configuration.setConfiguration(before);
        }
    }

    private static ZkSettings settings(Credentials credentials) {
        return new ZkSettings(List.of(ServerAddress.of("zk1", 2181)), credentials, Duration.ofSeconds(30),
                Duration.ofSeconds(5), true);
    }

    private static Credentials credentials(String user, String password, Path ca) {
        return new Credentials(Optional.ofNullable(user), Secret.of(password), Optional.ofNullable(ca));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(CuratorClientsTest.class.getResource(name).toURI());
    }
}
