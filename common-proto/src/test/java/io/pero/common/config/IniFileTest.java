package io.pero.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IniFileTest {
    private static final String WORKER_INI = """
            # worker configuration as the Python original ships it
            [WORKER]
            zookeeper_servers = zk1:2181, zk2:2181
            Username = pero
            PASSWORD=s3cret#not-a-comment
            cache_dir =
            disable_remote_logging = True
            ; a comment line
            [OCR]
            batch_size: 8
            """;

    @Test
    void readsSectionsAndTrimmedValues() {
        IniFile ini = IniFile.parse(WORKER_INI, "worker.ini");

        assertTrue(ini.hasSection("WORKER"));
        assertTrue(ini.hasSection("OCR"));
        assertFalse(ini.hasSection("LOGD"));
        assertEquals(java.util.Set.of("WORKER", "OCR"), ini.sections());
        assertEquals(Optional.of("zk1:2181, zk2:2181"), ini.get("WORKER", "zookeeper_servers"));
        assertEquals(Optional.of("8"), ini.get("OCR", "batch_size"), "':' separates like '=' in configparser");
        assertEquals(Optional.of("s3cret#not-a-comment"), ini.get("WORKER", "password"), "no inline comments, as configparser");
    }

    @Test
    void keysAreCaseInsensitiveAsInConfigparserButSectionsAreNot() {
        IniFile ini = IniFile.parse(WORKER_INI, "worker.ini");

        assertEquals(Optional.of("pero"), ini.get("WORKER", "username"));
        assertEquals(Optional.of("pero"), ini.get("WORKER", "USERNAME"));
        assertEquals(Optional.of("s3cret#not-a-comment"), ini.get("WORKER", "Password"));
        assertEquals(Optional.of("zk1:2181, zk2:2181"), ini.get("WORKER", "ZooKeeper_Servers"));
        assertEquals(Optional.empty(), ini.get("worker", "username"));
    }

    @Test
    void missingSectionOrKeyIsEmptyAndEmptyValueIsNotSet() {
        IniFile ini = IniFile.parse(WORKER_INI, "worker.ini");

        assertEquals(Optional.empty(), ini.get("LOGD", "output_dir"));
        assertEquals(Optional.empty(), ini.get("WORKER", "worker_id"));
        assertEquals(Optional.of(""), ini.get("WORKER", "cache_dir"));
        assertFalse(ini.isSetNonEmpty("WORKER", "cache_dir"));
        assertTrue(ini.isSetNonEmpty("WORKER", "username"));
        assertEquals(Optional.empty(), ini.getLong("WORKER", "cache_dir"), "an empty number is unset, not an error");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"True, true", "true, true", "1, true", "yes, true", "On, true",
        "False, false", "false, false", "0, false", "NO, false", "off, false"})
    void booleansAcceptConfigparserSpellings(String text, boolean expected) {
        IniFile ini = IniFile.parse("[WORKER]\nflag = " + text + "\n", "worker.ini");

        assertEquals(Optional.of(expected), ini.getBoolean("WORKER", "flag"));
    }

    @Test
    void badBooleanNamesFileSectionAndKey() {
        IniFile ini = IniFile.parse("[WORKER]\ndisable_remote_logging = maybe\n", "/etc/pero/worker.ini");

        ConfigException e = assertThrows(ConfigException.class, () -> ini.getBoolean("WORKER", "disable_remote_logging"));
        assertEquals("/etc/pero/worker.ini [WORKER] disable_remote_logging=maybe: not a boolean (true/false/1/0)", e.getMessage());
    }

    @Test
    void numbersParseAndBadNumbersNameFileSectionAndKey() {
        IniFile ini = IniFile.parse("[LOGD]\nnumber_of_files = 7\nlog_rotation_period = ten\nratio = 0.5\nbad_ratio = half\n",
                "logd.ini");

        assertEquals(Optional.of(7L), ini.getLong("LOGD", "number_of_files"));
        assertEquals(Optional.of(0.5), ini.getDouble("LOGD", "ratio"));
        ConfigException notInteger = assertThrows(ConfigException.class, () -> ini.getLong("LOGD", "log_rotation_period"));
        assertEquals("logd.ini [LOGD] log_rotation_period=ten: not an integer", notInteger.getMessage());
        ConfigException notNumber = assertThrows(ConfigException.class, () -> ini.getDouble("LOGD", "bad_ratio"));
        assertEquals("logd.ini [LOGD] bad_ratio=half: not a number", notNumber.getMessage());
    }

    @Test
    void loadNamesTheMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.ini");

        ConfigException e = assertThrows(ConfigException.class, () -> IniFile.load(missing));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
    }

    @Test
    void loadReadsUtf8FromDiskAndRemembersTheSource(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.ini");
        Files.writeString(file, "[OCR]\nname = Čeština\n", StandardCharsets.UTF_8);

        IniFile ini = IniFile.load(file);

        assertEquals(Optional.of("Čeština"), ini.get("OCR", "name"));
        assertEquals(file.toString(), ini.source());
    }

    @Test
    void malformedFileIsAConfigExceptionNamingTheSource() {
        ConfigException e = assertThrows(ConfigException.class, () -> IniFile.parse("[WORKER\nkey = value\n", "broken.ini"));
        assertTrue(e.getMessage().startsWith("broken.ini: "), e.getMessage());
    }
}
