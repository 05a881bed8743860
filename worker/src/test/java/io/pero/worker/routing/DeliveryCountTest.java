package io.pero.worker.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.impl.LongStringHelper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryCountTest {
    private static final String H = "x-pero-deliveries";

    @Test
    void firstDeliveryWithoutHeaderIsProcessedAsAttemptOne() {
        assertEquals(new DeliveryCount.Process(1), DeliveryCount.decide(null, H, false, 5));
        assertEquals(new DeliveryCount.Process(1), DeliveryCount.decide(Map.of(), H, false, 5));
    }

    @Test
    void redeliveryAfterACrashIsRecountedBeforeItIsProcessedAgain() {
        assertEquals(new DeliveryCount.Recount(1), DeliveryCount.decide(null, H, true, 5));
        assertEquals(new DeliveryCount.Recount(3), DeliveryCount.decide(Map.of(H, 2), H, true, 5));
    }

    @Test
    void recountedCopyIsProcessedAsTheNextAttempt() {
        assertEquals(new DeliveryCount.Process(3), DeliveryCount.decide(Map.of(H, 2), H, false, 5));
    }

    @Test
    void aMessageThatEndedMaxDeliveriesTimesIsParkedWhicheverWorkerSeesIt() {
        // Five processes died on it: the fifth crash shows as a redelivery of the copy counted 4.
        assertEquals(new DeliveryCount.Park(5), DeliveryCount.decide(Map.of(H, 4), H, true, 5));
        assertEquals(new DeliveryCount.Park(5), DeliveryCount.decide(Map.of(H, 5), H, false, 5));
    }

    @Test
    void withMaxDeliveriesOneTheFirstCrashParksIt() {
        assertEquals(new DeliveryCount.Process(1), DeliveryCount.decide(null, H, false, 1));
        assertEquals(new DeliveryCount.Park(1), DeliveryCount.decide(null, H, true, 1));
    }

    @Test
    void headerMayArriveAsAnyAmqpNumberOrText() {
        assertEquals(new DeliveryCount.Process(3), DeliveryCount.decide(Map.of(H, 2L), H, false, 5));
        assertEquals(new DeliveryCount.Process(3), DeliveryCount.decide(Map.of(H, (byte) 2), H, false, 5));
        assertEquals(new DeliveryCount.Process(3), DeliveryCount.decide(Map.of(H, LongStringHelper.asLongString("2")), H, false, 5));
    }

    @Test
    void nonsenseHeaderCountsAsZeroRatherThanParkingAGoodMessage() {
        assertEquals(new DeliveryCount.Process(1), DeliveryCount.decide(Map.of(H, "lots"), H, false, 5));
        assertEquals(new DeliveryCount.Process(1), DeliveryCount.decide(Map.of(H, -7), H, false, 5));
    }
}
