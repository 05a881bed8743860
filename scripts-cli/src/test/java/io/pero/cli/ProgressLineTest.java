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
}
