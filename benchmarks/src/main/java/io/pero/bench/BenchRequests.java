package io.pero.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Requests as {@code pero-publish} builds them: fresh ids, start time, one input file of the given size. */
final class BenchRequests {
    private final List<String> stages;
    private final ByteString payload;

    BenchRequests(List<String> stages, int size, long seed) {
        this.stages = List.copyOf(stages);
        byte[] bytes = new byte[size];
        // Random content: the broker does not compress, but a disk or a proxy might; random keeps it honest.
        new Random(seed).nextBytes(bytes);
        this.payload = ByteString.copyFrom(bytes);
    }

    byte[] next() {
        Instant now = Instant.now();
        return ProcessingRequest.newBuilder()
                .setUuid(hex())
                .setPageUuid(hex())
                .setPriority(0)
                .setStartTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .addAllProcessingStages(stages)
                .addResults(Data.newBuilder().setName("bench.bin").setContent(payload))
                .build()
                .toByteArray();
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
