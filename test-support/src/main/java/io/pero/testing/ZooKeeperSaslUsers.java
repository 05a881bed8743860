package io.pero.testing;

import java.util.Map;
import java.util.stream.Collectors;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import org.apache.zookeeper.server.auth.ProviderRegistry;

/**
 * DIGEST-MD5 users for in-JVM ZooKeeper servers started while this is open: the JAAS {@code Server} section a real
 * server reads from its JAAS file, and the SASL auth provider (so ACLs of scheme {@code sasl} work). Both are
 * process-wide, so {@link #close()} puts back what was there before.
 */
public final class ZooKeeperSaslUsers implements AutoCloseable {
    private static final String AUTH_PROVIDER = "zookeeper.authProvider.1";

    private final Configuration previous;

    private ZooKeeperSaslUsers(Configuration previous) {
        this.previous = previous;
    }

    /** Installs {@code passwordsByUser}; start the server afterwards. */
    public static ZooKeeperSaslUsers install(Map<String, String> passwordsByUser) {
        Configuration previous = Configuration.getConfiguration();
        Map<String, String> options = passwordsByUser.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> "user_" + e.getKey(), Map.Entry::getValue));
        Configuration.setConfiguration(new ServerSection(previous, options));
        System.setProperty(AUTH_PROVIDER, "org.apache.zookeeper.server.auth.SASLAuthenticationProvider");
        // Servers started earlier in this JVM may have registered the providers already, without SASL.
        ProviderRegistry.reset();
        return new ZooKeeperSaslUsers(previous);
    }

    @Override
    public void close() {
        System.clearProperty(AUTH_PROVIDER);
        ProviderRegistry.reset();
        Configuration.setConfiguration(previous);
    }

    /** The {@code Server} section with the users; every other section from the configuration before it. */
    private static final class ServerSection extends Configuration {
        private final Configuration delegate;
        private final Map<String, String> options;

        ServerSection(Configuration delegate, Map<String, String> options) {
            this.delegate = delegate;
            this.options = options;
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            if ("Server".equals(name)) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry(
                        "org.apache.zookeeper.server.auth.DigestLoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
            return delegate == null ? null : delegate.getAppConfigurationEntry(name);
        }
    }
}
