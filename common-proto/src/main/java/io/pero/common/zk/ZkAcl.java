package io.pero.common.zk;

import io.pero.common.config.ConfigException;
import java.util.List;
import java.util.Locale;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;

/** The ACL of the znodes a client creates (config key {@code zk_acl}, option {@code --zk-acl}). */
public enum ZkAcl {
    /** Anyone may read and change them: ZooKeeper's default, and the original's. */
    OPEN,
    /**
     * Only the creating SASL user may do anything with them (ZooKeeper's {@code CREATOR_ALL_ACL}): other ZooKeeper users
     * can neither read nor change {@code /pero}. Every component must then log in as the same user, as the original's
     * single {@code username} does.
     */
    CREATOR;

    /** @throws ConfigException naming {@code source} for anything but {@code open} or {@code creator} */
    public static ZkAcl parse(String value, String source) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + "=" + value + ": must be open or creator");
        }
    }

    /** Curator's provider for this ACL, or null for ZooKeeper's default. */
    ACLProvider provider() {
        if (this == OPEN) {
            return null;
        }
        List<ACL> creatorAll = ZooDefs.Ids.CREATOR_ALL_ACL;
        return new ACLProvider() {
            @Override
            public List<ACL> getDefaultAcl() {
                return creatorAll;
            }

            @Override
            public List<ACL> getAclForPath(String path) {
                return creatorAll;
            }
        };
    }
}
