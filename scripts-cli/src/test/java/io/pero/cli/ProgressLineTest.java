package io.pero.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void rendersDoneOfTotalAndRate() {
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        ProgressLine line = new ProgressLine(new PrintStream(new ByteArrayOutputStream()), true, "uploaded", 10, clock);
        line.advance();
        line.advance();
        assertEquals("uploaded 2/10 2.0/s", line.render(1000));
    }

    @Test
    void printsNothingWithoutATerminal() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(out), false, "x", 1, Clock.systemUTC());
        line.advance();
        line.finish();
        assertEquals(0, out.size());
    }

    @Test
    void redrawsWithCarriageReturnAndEndsTheLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(out), true, "downloaded", 0, Clock.systemUTC());
        line.advance();
        line.finish();
        String s = out.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\rdownloaded 1 "), s);
        assertTrue(s.endsWith(System.lineSeparator()), s);
    }

    @Test
    void whereTheStreamIsNoTerminalItWritesAPlainLineEveryTenSecondsAndAtTheEnd() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(0);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressLine line = ProgressLine.plain(new PrintStream(out, true), "uploaded", 30, clock);
        for (int i = 0; i < 30; i++) {
            now.addAndGet(1_000);
            line.advance();
        }
        line.finish();
        assertEquals("uploaded 11/30 1.0/s\nuploaded 21/30 1.0/s\nuploaded 30/30 1.0/s\n",
                out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aByteStreamIsNoTerminal() {
        assertEquals(false, ProgressLine.isTerminal(new PrintStream(new ByteArrayOutputStream())));
    }
}
