package io.pero.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import io.pero.common.config.ConfigKeys;
import io.pero.common.config.IniFile;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class LogSettingsTest {
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        DaemonLogOptions logging = new DaemonLogOptions();
    }

    private static DaemonLogOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.logging;
    }

    private static Optional<IniFile> ini(String text) {
        return Optional.of(IniFile.parse(text, "test.ini"));
    }

    @Test
    void textAtInfoUnlessAsked() {
        assertEquals(LogSettings.DEFAULT, LogSettings.resolve(parse(), Optional.empty(), ConfigKeys.WORKER));
    }

    @Test
    void verboseAndTheOriginalsDebugFlagAreTheSame() {
        assertTrue(LogSettings.resolve(parse("--verbose"), Optional.empty(), ConfigKeys.WORKER).debug());
        assertTrue(LogSettings.resolve(parse("-d"), Optional.empty(), ConfigKeys.WORKER).debug());
        assertTrue(LogSettings.resolve(parse("--debug"), Optional.empty(), ConfigKeys.WORKER).debug());
    }

    @Test
    void debugAliasIsHiddenFromHelp() {
        String usage = new CommandLine(new Probe()).getUsageMessage();
        assertTrue(usage.contains("--verbose") && usage.contains("--log-format"), usage);
        assertTrue(!usage.contains("--debug"), usage);
    }

    @Test
    void iniKeyOfTheDaemonsSectionSetsTheFormat() {
        assertEquals(LogFormat.JSON, LogSettings.resolve(parse(), ini("[LOGD]\nlog_format = JSON\n"), ConfigKeys.LOGD).format());
        assertEquals(LogFormat.TEXT, LogSettings.resolve(parse(), ini("[WORKER]\nlog_format = json\n"), ConfigKeys.LOGD).format(),
                "another daemon's section does not count");
    }

    @Test
    void commandLineOverridesTheIniFile() {
        assertEquals(LogFormat.TEXT, LogSettings.resolve(parse("--log-format", "text"), ini("[WATCHDOG]\nlog_format = json\n"),
                ConfigKeys.WATCHDOG).format());
    }

    @Test
    void unknownFormatNamesWhereItCameFrom() {
        ConfigException cli = assertThrows(ConfigException.class,
                () -> LogSettings.resolve(parse("--log-format", "xml"), Optional.empty(), ConfigKeys.WORKER));
        assertEquals("--log-format=xml: must be text or json", cli.getMessage());
        ConfigException file = assertThrows(ConfigException.class,
                () -> LogSettings.resolve(parse(), ini("[WORKER]\nlog_format = yaml\n"), ConfigKeys.WORKER));
        assertEquals("test.ini [WORKER] log_format=yaml: must be text or json", file.getMessage());
    }
}
