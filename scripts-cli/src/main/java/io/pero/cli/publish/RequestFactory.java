package io.pero.cli.publish;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.pero.proto.Data;
import io.pero.proto.ProcessingRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds new processing requests exactly as {@code publisher.py create_msg} does (spec §9.1). */
public final class RequestFactory {
    private final Clock clock;
    private final Supplier<UUID> ids;

    public RequestFactory(Clock clock, Supplier<UUID> ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public static RequestFactory system() {
        return new RequestFactory(Clock.systemUTC(), UUID::randomUUID);
    }

    /** One request: fresh uuid and page uuid (uuid4 hex), priority, start time now, all stages, the file as results[0]. */
    public ProcessingRequest create(String fileName, byte[] content, List<String> stages, int priority) {
        Instant now = clock.instant();
        return ProcessingRequest.newBuilder()
                .setUuid(hex(ids.get()))
                .setPageUuid(hex(ids.get()))
                .setPriority(priority)
                .setStartTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .addAllProcessingStages(stages)
                .addResults(Data.newBuilder().setName(fileName).setContent(ByteString.copyFrom(content)))
                .build();
    }

    /** Python's {@code uuid4().hex}: 32 lowercase hex digits, no dashes. */
    static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
