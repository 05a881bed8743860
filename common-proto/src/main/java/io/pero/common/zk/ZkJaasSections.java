package io.pero.common.zk;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/**
 * Serves in-memory JAAS sections with a ZooKeeper {@code DigestLoginModule} entry, so DIGEST-MD5 credentials need no
 * JAAS file and no {@code java.security.auth.login.config} property. The ZooKeeper client reads its section from the
 * process-wide JAAS {@link Configuration}; this one is installed there once and hands every section it does not own to
 * the configuration that was installed before it, so other JAAS users keep working.
 * One section per distinct username and password: the section name carries no secret.
 */
final class ZkJaasSections extends Configuration {
    private static final String DIGEST_LOGIN_MODULE = "org.apache.zookeeper.server.auth.DigestLoginModule";
    private static final String SECTION_PREFIX = "PeroZooKeeperClient-";

    private record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    private static final Object INSTALL_LOCK = new Object();

    private final Configuration delegate;
    private final Map<Login, String> sectionNames = new ConcurrentHashMap<>();
    private final Map<String, AppConfigurationEntry[]> sections = new ConcurrentHashMap<>();
    private final AtomicInteger nextSection = new AtomicInteger(1);

    private ZkJaasSections(Configuration delegate) {
        this.delegate = delegate;
    }

    /** The name of the JAAS section that logs in as {@code username}, creating it on first use. */
    static String sectionFor(String username, String password) {
        return installed().section(new Login(Objects.requireNonNull(username), Objects.requireNonNull(password)));
    }

    private String section(Login login) {
        return sectionNames.computeIfAbsent(login, l -> {
            String name = SECTION_PREFIX + nextSection.getAndIncrement();
            sections.put(name, new AppConfigurationEntry[] {
                new AppConfigurationEntry(DIGEST_LOGIN_MODULE, AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("username", l.username(), "password", l.password()))});
            return name;
        });
    }

    private static ZkJaasSections installed() {
        synchronized (INSTALL_LOCK) {
            Configuration current = currentOrNull();
            if (current instanceof ZkJaasSections ours) {
                return ours;
            }
            ZkJaasSections ours = new ZkJaasSections(current);
            Configuration.setConfiguration(ours);
            return ours;
        }
    }

    private static Configuration currentOrNull() {
        try {
            return Configuration.getConfiguration();
        } catch (SecurityException e) {
            // No usable default configuration (e.g. java.security.auth.login.config names a missing file):
            // our sections still work, and asking the broken default again would only fail again.
            return null;
        }
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
        AppConfigurationEntry[] own = sections.get(name);
        if (own != null) {
            return own.clone();
        }
        return delegate == null ? null : delegate.getAppConfigurationEntry(name);
    }

    @Override
    public void refresh() {
        if (delegate != null) {
            delegate.refresh();
        }
    }
}
