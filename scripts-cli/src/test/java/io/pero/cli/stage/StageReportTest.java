package io.pero.cli.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StageReportTest {
    @Test
    void showPrintsEveryValueReadably() {
        StageInfo info = new StageInfo("ocr", "[WORKER]\nDUMMY=yes\n", "pero/m.tar.xz", "v1", BigInteger.TWO, Optional.of(1.5), "",
                "1", "");
        assertEquals(List.of(
                "Stage ocr configuration:",
                "  OCR Model path on FTP server : pero/m.tar.xz",
                "  OCR Configuration version    : v1",
                "  Queue administrative priority: 2",
                "  Average processing time      : 1.500 s",
                "  Waiting since                : -",
                "  Workers (min / max)          : 1 / none",
                "  OCR Configuration:",
                "    [WORKER]",
                "    DUMMY=yes"), StageReport.show("ocr", Optional.of(info)));
    }

    @Test
    void showOfAMissingStageSaysSo() {
        assertEquals(List.of("Stage nope is not configured!"), StageReport.show("nope", Optional.empty()));
    }

    @Test
    void listIsSorted() {
        assertEquals(List.of("Configured stages:", "  a", "  b"), StageReport.list(List.of("b", "a")));
    }
}
