package io.pero.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pero.common.status.StageLogStatus;
import io.pero.proto.ProcessingRequest;
import io.pero.proto.StageLog;
import io.pero.proto.Data;
import org.junit.jupiter.api.Test;

class PageOutcomeTest {
    private static ProcessingRequest.Builder request() {
        return ProcessingRequest.newBuilder().setUuid("u").addProcessingStages("out")
                .addResults(Data.newBuilder().setName("scan.png").setContent(ByteString.copyFromUtf8("image")));
    }

    @Test
    void aProcessedPageHasItsResultFilesButNotTheImage() {
        ProcessingRequest r = request()
                .addResults(Data.newBuilder().setName("scan.png_page.xml").setContent(ByteString.copyFromUtf8("<PcGts/>")))
                .addResults(Data.newBuilder().setName("scan.png.txt").setContent(ByteString.copyFromUtf8("text")))
                .addLogs(StageLog.newBuilder().setStage("ocr").setStatus(StageLogStatus.OK)).build();
        PageOutcome o = PageOutcome.of(r);
        assertTrue(o.ok());
        assertEquals("scan.png", o.page());
        assertEquals(2, o.resultFiles().size());
        assertEquals("scan.png_page.xml", o.resultFiles().get(0).getName());
    }

    @Test
    void aFailedStageGivesTheLastLineOfItsLogAsTheReason() {
        ProcessingRequest r = request().addLogs(StageLog.newBuilder().setStage("ocr").setStatus(StageLogStatus.FAILED)
                .setLog("started\nProcessing failed: scan.png: not an image (starts with '%PDF')\n")).build();
        PageOutcome o = PageOutcome.of(r);
        assertFalse(o.ok());
        assertEquals("ocr: Processing failed: scan.png: not an image (starts with '%PDF')", o.reason());
    }
}
