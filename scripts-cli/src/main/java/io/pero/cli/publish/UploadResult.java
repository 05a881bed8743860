package io.pero.cli.publish;

import io.pero.common.mq.PublishOutcome;
import java.nio.file.Path;
import java.util.Optional;

/** What happened to one uploaded file: the broker's verdict, or why it never got one. */
public record UploadResult(Path file, String uuid, String pageUuid, Optional<PublishOutcome> outcome, String failure) {
    public static UploadResult of(Path file, String uuid, String pageUuid, PublishOutcome outcome) {
        return new UploadResult(file, uuid, pageUuid, Optional.of(outcome), "");
    }

    public static UploadResult failed(Path file, String uuid, String pageUuid, String failure) {
        return new UploadResult(file, uuid, pageUuid, Optional.empty(), failure);
    }

    public boolean accepted() {
        return outcome.filter(o -> o == PublishOutcome.CONFIRMED).isPresent();
    }

    /** Why the file was not accepted, for the user. */
    public String problem() {
        return outcome.map(o -> switch (o) {
            case UNROUTABLE -> "unroutable (no such queue)";
            case NACKED -> "rejected by the broker (nack)";
            case CONFIRMED -> "";
        }).orElse(failure);
    }
}
