package io.pero.cli.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DownloadLayoutTest {
    private static final Timestamp START = Timestamp.newBuilder().setSeconds(1672354416L).setNanos(926686123).build();

    private static ProcessingRequest message() {
        return ProcessingRequest.newBuilder()
                .setUuid("39cb5c6d292b4ebeae63dd9b1b739382")
                .setPageUuid("bfc9fc7500ec47238f56f6d7fa7dd96a")
                .setStartTime(START)
                .addProcessingStages("out")
                .addResults(Data.newBuilder().setName("page.png").setContent(ByteString.copyFromUtf8("PNG")))
                .addResults(Data.newBuilder().setName("page.png_page.xml").setContent(ByteString.copyFromUtf8("<xml/>")))
                .addLogs(StageLog.newBuilder().setHostId("worker-1").setStage("ocr")
                        .setStart(Timestamp.newBuilder().setSeconds(1672354417L))
                        .setEnd(Timestamp.newBuilder().setSeconds(1672354418L).setNanos(5000))
                        .setStatus("OK").setVersion("2023-08-07T10:11:12+00:00").setLog("line 1\nline 2\n"))
                .addLogs(StageLog.newBuilder().setHostId("worker-2").setStage("failtest")
                        .setStart(Timestamp.newBuilder().setSeconds(1672354419L).setNanos(1000))
                        .setStatus("Failed").setVersion("7").setLog("Simulated processing failure"))
                .build();
    }

    private static String text(DownloadLayout.OutputFile file) {
        return new String(file.content(), StandardCharsets.UTF_8);
    }

    @Test
    void infoFileHasTheOriginalLinesAndStartTimeAsNaiveUtcWithMicroseconds() {
        DownloadLayout.OutputFile info = DownloadLayout.of(message(), new byte[0], false).files().get(0);
        assertEquals("39cb5c6d292b4ebeae63dd9b1b739382_info.txt", info.name());
        assertEquals("Message id : 39cb5c6d292b4ebeae63dd9b1b739382\n"
                + "Page uuid  : bfc9fc7500ec47238f56f6d7fa7dd96a\n"
                + "Start time : 2022-12-29T22:53:36.926686\n"
                + "Remaining processing stages:\n"
                + "  out\n", text(info));
    }

    @Test
    void logFilesHaveTheOriginalLinesAndAnUnsetEndPrintsTheEpoch() {
        List<DownloadLayout.OutputFile> files = DownloadLayout.of(message(), new byte[0], false).files();
        assertEquals("ocr.log", files.get(3).name());
        assertEquals("Host id       : worker-1\n"
                + "Stage         : ocr\n"
                + "Start time    : 2022-12-29T22:53:37\n"
                + "End time      : 2022-12-29T22:53:38.000005\n"
                + "Status        : OK\n"
                + "Stage version : 2023-08-07T10:11:12+00:00\n"
                + "*** Log ***\n"
                + "line 1\nline 2\n", text(files.get(3)));
        assertEquals("failtest.log", files.get(4).name());
        assertEquals("Host id       : worker-2\n"
                + "Stage         : failtest\n"
                + "Start time    : 2022-12-29T22:53:39.000001\n"
                + "End time      : 1970-01-01T00:00:00\n"
                + "Status        : Failed\n"
                + "Stage version : 7\n"
                + "*** Log ***\n"
                + "Simulated processing failure", text(files.get(4)));
    }

    @Test
    void resultsKeepTheirNamesAndBytesAndMessageBodyComesLastWhenAsked() {
        byte[] body = message().toByteArray();
        List<DownloadLayout.OutputFile> files = DownloadLayout.of(message(), body, true).files();
        assertEquals(List.of("39cb5c6d292b4ebeae63dd9b1b739382_info.txt", "page.png", "page.png_page.xml", "ocr.log",
                "failtest.log", "message_body"), files.stream().map(DownloadLayout.OutputFile::name).toList());
        assertEquals("PNG", text(files.get(1)));
        assertArrayEquals(body, files.get(5).content());
        assertEquals(5, DownloadLayout.of(message(), body, false).files().size(), "no message_body without --save-message");
    }

    @ParameterizedTest
    @CsvSource({
        "page.png, page.png",
        "../../etc/passwd, ___.._etc_passwd",
        "/abs/name, _abs_name",
        "a\\b, a_b",
        "'..', __",
        "'.', _",
        "'', _",
        "a..b.png, a..b.png",
        ".hidden, .hidden",
    })
    void namesFromMessagesStayOnePathComponent(String given, String written) {
        assertEquals(written, DownloadLayout.safeName(given));
    }

    @Test
    void unsafeResultNameIsRenamedAndReported() {
        ProcessingRequest m = message().toBuilder()
                .addResults(Data.newBuilder().setName("../escape.txt").setContent(ByteString.copyFromUtf8("x"))).build();
        DownloadLayout.Layout layout = DownloadLayout.of(m, new byte[0], false);
        assertTrue(layout.files().stream().anyMatch(f -> f.name().equals("___escape.txt")), layout.files().toString());
        assertEquals(1, layout.renamed().size());
        assertTrue(layout.renamed().get(0).contains("../escape.txt"), layout.renamed().toString());
    }

    @Test
    void overlongNamesAreCutToFitTheFileSystem() {
        String name = "é".repeat(300);
        String safe = DownloadLayout.safe(name, new ArrayList<>());
        assertTrue(safe.getBytes(StandardCharsets.UTF_8).length <= 240, "bytes=" + safe.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(name.startsWith(safe));
    }

    @Test
    void pythonIsoOmitsZeroMicrosecondsAndTruncatesNanos() {
        assertEquals("1970-01-01T00:00:00", DownloadLayout.pythonIso(Timestamp.getDefaultInstance()));
        assertEquals("2022-12-29T22:53:36", DownloadLayout.pythonIso(Timestamp.newBuilder().setSeconds(1672354416L).setNanos(999).build()));
        assertEquals("2022-12-29T22:53:36.000001", DownloadLayout.pythonIso(Timestamp.newBuilder().setSeconds(1672354416L).setNanos(1999).build()));
    }
}
