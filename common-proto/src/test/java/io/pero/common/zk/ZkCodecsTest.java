package io.pero.common.zk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZkCodecsTest {

    // ---- timestamps

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2023-08-07T10:11:12.123456Z,    2023-08-07T10:11:12.123456+00:00",
        "2023-08-07T10:11:12.000001Z,    2023-08-07T10:11:12.000001+00:00",
        "2023-08-07T10:11:12.100Z,       2023-08-07T10:11:12.100000+00:00",
        "2023-08-07T10:11:12Z,           2023-08-07T10:11:12+00:00",
        "2023-08-07T10:11:12.000000999Z, 2023-08-07T10:11:12+00:00",
        "2023-08-07T10:11:12.123456789Z, 2023-08-07T10:11:12.123456+00:00",
    })
    void isoTimeIsWhatPythonIsoformatWrites(String instant, String python) {
        assertEquals(python, ZkCodecs.isoTime(Instant.parse(instant)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2023-08-07T10:11:12.123456+00:00, 2023-08-07T10:11:12.123456Z",
        "2023-08-07T10:11:12+00:00,        2023-08-07T10:11:12Z",
        "2023-08-07T10:11:12.123456Z,      2023-08-07T10:11:12.123456Z",
        "2023-08-07T10:11:12Z,             2023-08-07T10:11:12Z",
        "2023-08-07T10:11:12.123456,       2023-08-07T10:11:12.123456Z",
        "2023-08-07T10:11:12,              2023-08-07T10:11:12Z",
        "2023-08-07T12:11:12+02:00,        2023-08-07T10:11:12Z",
        "2023-08-07T10:11:12.5+0000,       2023-08-07T10:11:12.5Z",
        "' 2023-08-07T10:11:12+00:00 ',    2023-08-07T10:11:12Z",
        "2023-08-07 10:11:12.123456+00:00, 2023-08-07T10:11:12.123456Z",
    })
    void parseIsoTimeAcceptsPythonAndOtherForms(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), ZkCodecs.parseIsoTime(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "yesterday", "2023-08-07", "2023-13-07T10:11:12+00:00"})
    void parseIsoTimeGivesEmptyForTextThatIsNoTime(String text) {
        assertEquals(Optional.empty(), ZkCodecs.parseIsoTime(text));
    }

    @Test
    void isoTimeReadsBackToTheSameMicrosecond() {
        Instant now = Instant.parse("2024-02-29T23:59:59.999999Z");

        assertEquals(Optional.of(now), ZkCodecs.parseIsoTime(ZkCodecs.isoTime(now)));
    }

    // ---- avg_msg_time

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "0x1.8000000000000p+3,  12.0",
        "0x1.8p3,               12.0",
        "0x0.0p+0,              0.0",
        "-0x1.0000000000000p+0, -1.0",
        "0x1.999999999999ap-4,  0.1",
        "' 0x1.4000000000000p+6 ', 80.0",
    })
    void parseFloatHexReadsPythonFloatHex(String text, double expected) {
        assertEquals(Optional.of(expected), ZkCodecs.parseFloatHex(text));
    }

    @ParameterizedTest
    @ValueSource(doubles = {12.0, 0.1, 100.0, 1e-300, 4.9e-324, 123456.789, 0.0, Double.MAX_VALUE})
    void floatHexRoundTripsExactly(double value) {
        assertEquals(Optional.of(value), ZkCodecs.parseFloatHex(ZkCodecs.floatHex(value)));
    }

    @Test
    void floatHexWritesJavaHexThatPythonFromhexAccepts() {
        assertEquals("0x1.8p3", ZkCodecs.floatHex(12.0));
    }

    @Test
    void specialValuesUsePythonSpelling() {
        assertEquals("inf", ZkCodecs.floatHex(Double.POSITIVE_INFINITY));
        assertEquals("-inf", ZkCodecs.floatHex(Double.NEGATIVE_INFINITY));
        assertEquals("nan", ZkCodecs.floatHex(Double.NaN));
        assertEquals(Optional.of(Double.POSITIVE_INFINITY), ZkCodecs.parseFloatHex("inf"));
        assertEquals(Optional.of(Double.NEGATIVE_INFINITY), ZkCodecs.parseFloatHex("-inf"));
        assertTrue(ZkCodecs.parseFloatHex("nan").orElseThrow().isNaN());
    }

    @Test
    void emptyAvgMsgTimeIsUnknown() {
        assertEquals(Optional.empty(), ZkCodecs.parseFloatHex(""));
        assertEquals(Optional.empty(), ZkCodecs.parseFloatHex(null));
    }

    @Test
    void garbageAvgMsgTimeIsAnErrorQuotingTheText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZkCodecs.parseFloatHex("fast"));
        assertTrue(e.getMessage().contains("'fast'"));
    }

    // ---- administrative_priority

    @Test
    void pythonTwentyEightByteEncodingOfFiveReadsAsFive() {
        byte[] python = new byte[28];
        python[27] = 0x05;

        assertEquals(BigInteger.valueOf(5), ZkCodecs.parseUnsignedBigEndian(python));
    }

    @Test
    void pythonTwentyFourZeroBytesReadAsZero() {
        assertEquals(BigInteger.ZERO, ZkCodecs.parseUnsignedBigEndian(new byte[24]));
    }

    @Test
    void emptyOrMissingDataReadsAsZero() {
        assertEquals(BigInteger.ZERO, ZkCodecs.parseUnsignedBigEndian(new byte[0]));
        assertEquals(BigInteger.ZERO, ZkCodecs.parseUnsignedBigEndian(null));
    }

    @Test
    void highBitIsNotASign() {
        assertEquals(BigInteger.valueOf(0xff80), ZkCodecs.parseUnsignedBigEndian(new byte[] {(byte) 0xff, (byte) 0x80}));
    }

    @Test
    void writesMinimalBigEndianThatReadsBack() {
        assertArrayEquals(new byte[] {0}, ZkCodecs.unsignedBigEndian(0));
        assertArrayEquals(new byte[] {5}, ZkCodecs.unsignedBigEndian(5));
        assertArrayEquals(new byte[] {(byte) 0x80}, ZkCodecs.unsignedBigEndian(128));
        assertArrayEquals(new byte[] {0x01, 0x00}, ZkCodecs.unsignedBigEndian(256));
        for (long v : new long[] {0, 1, 127, 128, 255, 65_535, (1L << 30) - 1, Long.MAX_VALUE}) {
            assertEquals(BigInteger.valueOf(v), ZkCodecs.parseUnsignedBigEndian(ZkCodecs.unsignedBigEndian(v)), "value " + v);
        }
    }

    @Test
    void negativePriorityIsRejectedBecauseTheWireFormatIsUnsigned() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZkCodecs.unsignedBigEndian(-1));
        assertTrue(e.getMessage().contains("-1"));
    }

    // ---- text

    @Test
    void textIsUtf8AndNullSafe() {
        assertArrayEquals(new byte[] {(byte) 0xc3, (byte) 0xa9}, ZkCodecs.text("é"));
        assertEquals("é", ZkCodecs.text(new byte[] {(byte) 0xc3, (byte) 0xa9}));
        assertEquals("", ZkCodecs.text((byte[]) null));
        assertArrayEquals(new byte[0], ZkCodecs.text((String) null));
    }
}
