package io.pero.common.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerListParserTest {

    @ParameterizedTest(name = "{0} -> host {1} port {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "zk1                  | zk1               | -",
        "zk1:2181             | zk1               | 2181",
        "rabbit.example.org   | rabbit.example.org| -",
        "Rabbit-1.Example.ORG:5671 | Rabbit-1.Example.ORG | 5671",
        "a-b.c                | a-b.c             | -",
        "host.example.org.    | host.example.org. | -",
        "pero_rabbitmq_1:5672 | pero_rabbitmq_1   | 5672",
        "10.0.0.1             | 10.0.0.1          | -",
        "10.0.0.1:5672        | 10.0.0.1          | 5672",
        "255.255.255.255:0    | 255.255.255.255   | 0",
        "::1                  | ::1               | -",
        "fe80::1:2:3:4        | fe80::1:2:3:4     | -",
        "[::1]                | ::1               | -",
        "[::1]:80             | ::1               | 80",
        "[2001:db8::7]:5672   | 2001:db8::7       | 5672",
        "[::ffff:10.0.0.1]:22 | ::ffff:10.0.0.1   | 22",
        "localhost:65535      | localhost         | 65535",
        "'  spaced:1  '       | spaced            | 1",
    })
    void acceptsEveryFormOfTheOriginal(String entry, String host, Integer port) {
        ServerAddress parsed = ServerListParser.parseOne(entry);

        assertEquals(host, parsed.host());
        assertEquals(port == null ? OptionalInt.empty() : OptionalInt.of(port), parsed.port());
    }

    @ParameterizedTest(name = "{0} rejected: {1}")
    @CsvSource(delimiter = '|', value = {
        "host:65536           | port 65536 is not in 0..65535",
        "host:-1              | port '-1' is not a number",
        "host:                | port '' is not a number",
        "host:http            | port 'http' is not a number",
        "host:1234567         | port '1234567' is not a number",
        "-host                | not a valid host name (label '-host')",
        "host-                | not a valid host name (label 'host-')",
        "a..b                 | not a valid host name (label '')",
        "ho st                | not a valid host name",
        "höst                 | not a valid host name",
        "1.2.3                | not a valid IPv4 address",
        "256.1.1.1            | not a valid IPv4 address",
        "[::1                 | missing ']'",
        "[::1]80              | expected ':port' after ']'",
        "[10.0.0.1]:80        | '10.0.0.1' is not an IPv6 address",
        "[::1]:99999          | port 99999 is not in 0..65535",
        "zz::1                | 'zz::1' is not an IPv6 address",
        "1:2:3:4:5:6:7:8:9    | is not an IPv6 address",
        "host:80:90           | is not an IPv6 address",
    })
    void rejectsWithAReasonNamingTheProblem(String entry, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerListParser.parseOne(entry));

        assertTrue(e.getMessage().contains(reason), () -> "message '" + e.getMessage() + "' should contain '" + reason + "'");
    }

    @Test
    void labelOf63CharactersIsAcceptedAnd64Rejected() {
        String label63 = "a".repeat(63);

        assertEquals(label63, ServerListParser.parseOne(label63).host());
        assertThrows(IllegalArgumentException.class, () -> ServerListParser.parseOne(label63 + "a"));
    }

    @Test
    void hostNameOver255CharactersIsRejected() {
        String longName = String.join(".", java.util.Collections.nCopies(5, "a".repeat(60)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerListParser.parseOne(longName));
        assertTrue(e.getMessage().contains("longer than 255"));
    }

    @Test
    void commaSeparatedListKeepsOrderAndIgnoresBlankEntries() {
        ServerListParser.Result result = ServerListParser.parseCommaSeparated(" zk1:2181, ,[::1]:2182,zk3 ");

        assertTrue(result.ok());
        assertEquals(List.of(ServerAddress.of("zk1", 2181), ServerAddress.of("::1", 2182), ServerAddress.of("zk3")),
                result.servers());
    }

    @Test
    void badEntriesAreReportedByNameWhileGoodOnesAreKept() {
        ServerListParser.Result result = ServerListParser.parse(List.of("good:1", "bad:65536", "also bad", "# comment"));

        assertFalse(result.ok());
        assertEquals(List.of(ServerAddress.of("good", 1)), result.servers());
        assertEquals(2, result.errors().size());
        assertTrue(result.errors().get(0).startsWith("bad server entry 'bad:65536'"), result.errors().get(0));
        assertTrue(result.errors().get(1).startsWith("bad server entry 'also bad'"), result.errors().get(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, result::orThrow);
        assertTrue(e.getMessage().contains("'bad:65536'") && e.getMessage().contains("'also bad'"), e.getMessage());
    }

    @Test
    void nullTextIsAnEmptyList() {
        assertEquals(List.of(), ServerListParser.parseCommaSeparated(null).orThrow());
    }

    @ParameterizedTest(name = "{0} -> znode {1}")
    @CsvSource(delimiter = '|', value = {
        "mq1:5672      | mq1:5672",
        "mq1           | mq1",
        "10.0.0.1:22   | 10.0.0.1:22",
        "10.0.0.1      | 10.0.0.1",
        "[::1]:5672    | [::1]:5672",
        "::1           | ::1",
        "[fe80::1]     | fe80::1",
    })
    void znodeNameIsBuiltAsThePythonToolsBuildIt(String entry, String znode) {
        ServerAddress address = ServerListParser.parseOne(entry);

        assertEquals(znode, address.znodeName());
        assertEquals(address, ServerListParser.parseOne(address.znodeName()), "a znode name parses back to the same server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mq1", "10.0.0.1", "::1"})
    void hostPortUsesTheDefaultPortAndBracketsIpv6(String host) {
        String expected = (host.contains(":") ? "[" + host + "]" : host) + ":5672";

        assertEquals(expected, ServerAddress.of(host).hostPort(5672));
        assertEquals(expected.replace("5672", "1"), ServerAddress.of(host, 1).hostPort(5672));
    }
}
