package io.pero.cli.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pero.proto.ProcessingRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestFactoryTest {
    @Test
    void requestCarriesFreshIdsPriorityStartTimeStagesAndTheFileAsFirstResult() {
        Iterator<UUID> ids = List.of(UUID.fromString("39cb5c6d-292b-4ebe-ae63-dd9b1b739382"),
                UUID.fromString("bfc9fc75-00ec-4723-8f56-f6d7fa7dd96a")).iterator();
        Clock clock = Clock.fixed(Instant.parse("2022-12-29T22:53:36.926686Z"), ZoneOffset.UTC);
        ProcessingRequest r = new RequestFactory(clock, ids::next)
                .create("scan.jpg", "img".getBytes(StandardCharsets.UTF_8), List.of("ocr", "out"), 1);

        assertEquals("39cb5c6d292b4ebeae63dd9b1b739382", r.getUuid());
        assertEquals("bfc9fc7500ec47238f56f6d7fa7dd96a", r.getPageUuid());
        assertEquals(1, r.getPriority());
        assertEquals(1672354416L, r.getStartTime().getSeconds());
        assertEquals(926686000, r.getStartTime().getNanos());
        assertEquals(List.of("ocr", "out"), r.getProcessingStagesList());
        assertEquals(1, r.getResultsCount());
        assertEquals("scan.jpg", r.getResults(0).getName());
        assertEquals("img", r.getResults(0).getContent().toStringUtf8());
        assertEquals(0, r.getLogsCount());
    }
}
