package io.pero.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import io.pero.common.zk.ZkAcl;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ZkAclOptionTest {
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        ZkAclOption acl = new ZkAclOption();
    }

    private static ZkAclOption parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.acl;
    }

    @Test
    void optionOverConfigFileOverOpen() {
        // Holds where PERO_ZK_ACL is unset, as in the build.
        assertEquals(ZkAcl.OPEN, parse().resolve(Optional.empty(), "[WORKER] zk_acl"));
        assertEquals(ZkAcl.CREATOR, parse().resolve(Optional.of("creator"), "[WORKER] zk_acl"));
        assertEquals(ZkAcl.OPEN, parse("--zk-acl", "open").resolve(Optional.of("creator"), "[WORKER] zk_acl"));
        assertEquals(ZkAcl.CREATOR, parse("--zk-acl", "CREATOR").resolve(Optional.empty(), "[WORKER] zk_acl"));
    }

    @Test
    void aBadValueNamesWhereItCameFrom() {
        ConfigException fromFile = assertThrows(ConfigException.class,
                () -> parse().resolve(Optional.of("closed"), "w.ini [WORKER] zk_acl"));
        assertEquals("w.ini [WORKER] zk_acl=closed: must be open or creator", fromFile.getMessage());
        ConfigException fromOption = assertThrows(ConfigException.class,
                () -> parse("--zk-acl", "closed").resolve(Optional.empty(), "w.ini [WORKER] zk_acl"));
        assertTrue(fromOption.getMessage().startsWith("--zk-acl=closed"), fromOption.getMessage());
    }

    @Test
    void theOptionNamesItsEnvironmentVariable() {
        CommandLine.Model.OptionSpec option = new CommandLine(new Probe()).setInterpolateVariables(false).getCommandSpec()
                .findOption("--zk-acl");
        assertEquals("${env:PERO_ZK_ACL}", option.defaultValue());
        assertTrue(String.join(" ", option.description()).contains("PERO_ZK_ACL"));
    }
}
