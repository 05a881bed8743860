package io.pero.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pero.common.config.ConfigException;
import io.pero.common.config.IniFile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsSettingsTest {
    private static Optional<IniFile> ini(String text) {
        return Optional.of(IniFile.parse(text, "test.ini"));
    }

    @Test
    void offWhenAbsentOrZero() {
        assertFalse(MetricsSettings.resolve(new MetricsOptions(), Optional.empty(), "WORKER").enabled());
        assertFalse(MetricsSettings.resolve(new MetricsOptions(), ini("[WORKER]\nmetrics_port = 0\n"), "WORKER").enabled());
    }

    @Test
    void iniPortOnLoopbackByDefaultAndTheCommandLineWins() {
        MetricsSettings fromIni = MetricsSettings.resolve(new MetricsOptions(), ini("[WORKER]\nmetrics_port = 9400\n"), "WORKER");
        assertTrue(fromIni.enabled());
        assertEquals("127.0.0.1:9400", fromIni.address().getHostString() + ":" + fromIni.port());
        MetricsSettings cli = MetricsSettings.resolve(new MetricsOptions(9500, "0.0.0.0"),
                ini("[WORKER]\nmetrics_port = 9400\nmetrics_address = 10.0.0.1\n"), "WORKER");
        assertEquals("0.0.0.0:9500", cli.address().getHostString() + ":" + cli.port());
    }

    @Test
    void onlyTheDaemonsOwnSectionCounts() {
        assertFalse(MetricsSettings.resolve(new MetricsOptions(), ini("[WORKER]\nmetrics_port = 9400\n"), "WATCHDOG").enabled());
    }

    @Test
    void outOfRangeOrNonNumericPortNamesItsSource() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> MetricsSettings.resolve(new MetricsOptions(70000, null), Optional.empty(), "LOGD"));
        assertTrue(e.getMessage().startsWith("--metrics-port=70000"), e.getMessage());
        ConfigException ini = assertThrows(ConfigException.class,
                () -> MetricsSettings.resolve(new MetricsOptions(), ini("[LOGD]\nmetrics_port = -1\n"), "LOGD"));
        assertTrue(ini.getMessage().contains("test.ini [LOGD] metrics_port=-1"), ini.getMessage());
        assertThrows(ConfigException.class,
                () -> MetricsSettings.resolve(new MetricsOptions(), ini("[LOGD]\nmetrics_port = nine\n"), "LOGD"));
    }
}
