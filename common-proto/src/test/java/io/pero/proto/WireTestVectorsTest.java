package io.pero.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages serialized by the Python original (src/test/resources/testvectors/README.md, a copy of shared/testvectors) read and write byte for byte. */
class WireTestVectorsTest {
    private static final String IMAGE_REQUEST = "39cb5c6d292b4ebeae63dd9b1b739382";
    private static final String TEXT_REQUEST = "5f6a4c863d5943e88e41301fbfcbc093";

    @Test
    void pythonRequestWithImageParsesWithEveryFieldTheReadmeLists() throws IOException {
        ProcessingRequest request = ProcessingRequest.parseFrom(vector(IMAGE_REQUEST));

        assertEquals(IMAGE_REQUEST, request.getUuid());
        assertEquals("bfc9fc7500ec47238f56f6d7fa7dd96a", request.getPageUuid());
        assertEquals(Instant.parse("2022-12-29T22:53:36.926686Z"),
                Instant.ofEpochSecond(request.getStartTime().getSeconds(), request.getStartTime().getNanos()));
        assertEquals(List.of("test", "out"), request.getProcessingStagesList());
        assertEquals(1, request.getResultsCount());
        Data image = request.getResults(0);
        assertEquals("proofread-any-kind-of-text-in-spanish-PkaPXSssYZ.png", image.getName());
        byte[] png = image.getContent().toByteArray();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertEquals(1242, readInt(png, 16), "PNG width");
        assertEquals(1029, readInt(png, 20), "PNG height");
        assertEquals(0, request.getLogsCount());
    }

    @Test
    void pythonRequestWithTextResultParses() throws IOException {
        ProcessingRequest request = ProcessingRequest.parseFrom(vector(TEXT_REQUEST));

        assertEquals(TEXT_REQUEST, request.getUuid());
        assertEquals("efba3dfa01c84cdaa55f2cd084f2b4e1", request.getPageUuid());
        assertEquals(List.of("test", "out"), request.getProcessingStagesList());
        assertEquals(1, request.getResultsCount());
        assertEquals("idk", request.getResults(0).getName());
        assertEquals("testdata\n", request.getResults(0).getContent().toString(StandardCharsets.UTF_8));
    }

    @Test
    void bothVectorsReserializeToIdenticalBytes() throws IOException {
        for (String name : List.of(IMAGE_REQUEST, TEXT_REQUEST)) {
            byte[] original = vector(name);
            assertArrayEquals(original, ProcessingRequest.parseFrom(original).toByteArray(), name);
        }
    }

    @Test
    void aStageLogAddedInJavaSurvivesARoundTrip() throws InvalidProtocolBufferException, IOException {
        ProcessingRequest request = ProcessingRequest.parseFrom(vector(TEXT_REQUEST)).toBuilder()
                .addLogs(StageLog.newBuilder().setHostId("w1").setStage("test").setStatus("OK").setVersion("v1"))
                .build();

        ProcessingRequest back = ProcessingRequest.parseFrom(request.toByteArray());

        assertEquals("w1", back.getLogs(0).getHostId());
        assertEquals("OK", back.getLogs(0).getStatus());
        assertEquals(request, back);
    }

    private static int readInt(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff);
    }

    private static byte[] vector(String uuid) throws IOException {
        try (InputStream in = WireTestVectorsTest.class.getResourceAsStream("/testvectors/" + uuid + ".protobuf")) {
            if (in == null) {
                throw new IllegalStateException("test vector " + uuid + " missing from src/test/resources/testvectors");
            }
            return in.readAllBytes();
        }
    }
}
