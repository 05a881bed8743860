package io.pero.worker.mq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AckWindowTest {
    private final AckWindow window = new AckWindow();

    private void take(long... tags) {
        for (long tag : tags) {
            window.taken(tag);
        }
    }

    @Test
    void aBurstOfConfirmsInOrderIsOneMultipleAck() {
        take(1, 2, 3, 4);
        window.ready(1);
        window.ready(2);
        window.ready(3);
        assertEquals(new AckWindow.Acks(List.of(1L, 2L, 3L), List.of()), window.drain());
        assertEquals(AckWindow.Acks.NONE, window.drain(), "4 still waits for its confirm");
        window.ready(4);
        assertEquals(new AckWindow.Acks(List.of(4L), List.of()), window.drain());
        assertEquals(0, window.size());
    }

    @Test
    void aDeliveryStillWaitingForItsConfirmIsNeverCovered() {
        take(1, 2, 3);
        window.ready(2);
        window.ready(3);
        AckWindow.Acks acks = window.drain();
        assertEquals(List.of(), acks.run(), "a multiple ack up to 3 would ack 1 before its publish is confirmed");
        assertEquals(List.of(2L, 3L), acks.singles(), "ready ones behind it are acked one by one, without waiting");
        window.ready(1);
        assertEquals(new AckWindow.Acks(List.of(1L), List.of()), window.drain());
    }

    @Test
    void aDeliveryLeftForRedeliveryBlocksEveryRunAcrossIt() {
        take(1, 2, 3);
        window.held(1);
        window.ready(2);
        window.ready(3);
        assertEquals(new AckWindow.Acks(List.of(), List.of(2L, 3L)), window.drain());
        take(4, 5);
        window.ready(4);
        window.ready(5);
        assertEquals(new AckWindow.Acks(List.of(), List.of(4L, 5L)), window.drain(), "still behind the held delivery");
    }

    @Test
    void aNackedDeliveryNoLongerSplitsARun() {
        take(1, 2, 3);
        window.ready(1);
        window.settledOtherwise(2); // nacked: the broker has settled it already
        window.ready(3);
        assertEquals(new AckWindow.Acks(List.of(1L, 3L), List.of()), window.drain());
    }

    @Test
    void unknownTagsAreReportedSoTheCallerAcksThemAlone() {
        assertFalse(window.ready(7), "taken before the channel was lost and the window cleared");
        take(8);
        assertTrue(window.ready(8));
        assertFalse(window.ready(8), "ready once");
    }

    @Test
    void clearingHandsBackTheReadyOnesAndForgetsTheRest() {
        take(1, 2, 3);
        window.ready(2);
        window.held(3);
        assertEquals(List.of(2L), window.clear());
        assertEquals(0, window.size());
        assertEquals(AckWindow.Acks.NONE, window.drain());
    }
}
