package io.pero.common.cli;

import io.pero.common.zk.ZkAcl;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --zk-acl} with its environment twin {@code PERO_ZK_ACL} ({@code @Mixin}), for the programs that create znodes:
 * the worker, the watchdog and the config tools (the log daemon creates none).
 */
public final class ZkAclOption {
    @Option(names = "--zk-acl", paramLabel = "open|creator", defaultValue = "${env:PERO_ZK_ACL}",
            description = "ACL of the znodes it creates: open (anyone, as the original) or creator (only the -u user; "
                    + "other ZooKeeper users can neither read nor change them) (env PERO_ZK_ACL).")
    String value;

    /** The option or its variable; empty when neither is given. */
    public Optional<String> value() {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /**
     * The option when given, else {@code configured} (the config file's {@code zk_acl}, read from {@code where}), else
     * open.
     *
     * @throws io.pero.common.config.ConfigException naming the option or {@code where} for anything but open or creator
     */
    public ZkAcl resolve(Optional<String> configured, String where) {
        return value().map(v -> ZkAcl.parse(v, source(where)))
                .or(() -> configured.filter(v -> !v.isBlank()).map(v -> ZkAcl.parse(v, where)))
                .orElse(ZkAcl.OPEN);
    }

    /** Where the ACL comes from, for messages: the option when given, else {@code where}. */
    public String source(String where) {
        return value().isPresent() ? "--zk-acl" : where;
    }
}
