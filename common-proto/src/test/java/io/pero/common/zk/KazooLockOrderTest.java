package io.pero.common.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KazooLockOrderTest {
    private static final String A = "8c1b6e0c3f8a4b5e9d2c7a1f0e3b4d5c__lock__0000000003";
    private static final String B = "0f0e0d0c0b0a09080706050403020100__lock__0000000007";
    private static final String C = "ffffffffffffffffffffffffffffffff__lock__0000000010";

    @Test
    void lowestSequenceHoldsTheLockWhateverTheUuidPrefix() {
        List<String> children = List.of(C, B, A);

        assertTrue(KazooLockOrder.decide(children, A).holdsLock());
        assertFalse(KazooLockOrder.decide(children, B).holdsLock());
        assertFalse(KazooLockOrder.decide(children, C).holdsLock());
    }

    @Test
    void eachWaiterWatchesItsImmediatePredecessorOnly() {
        List<String> children = List.of(C, A, B);

        assertEquals(Optional.of(A), KazooLockOrder.decide(children, B).predecessor());
        assertEquals(Optional.of(B), KazooLockOrder.decide(children, C).predecessor());
    }

    @Test
    void readLockNodesOfKazooAreContendersToo() {
        String rlock = "11111111111111111111111111111111__rlock__0000000005";

        assertEquals(Optional.of(rlock), KazooLockOrder.decide(List.of(A, rlock, B), B).predecessor());
    }

    @Test
    void nodesThatAreNoContendersAreIgnored() {
        List<String> children = List.of("lease-0000000001", "junk", "x__lock__12", B);

        assertTrue(KazooLockOrder.decide(children, B).holdsLock());
    }

    @Test
    void ourNodeMissingMeansTheSessionLostIt() {
        KazooLockOrder.Decision decision = KazooLockOrder.decide(List.of(A), B);

        assertFalse(decision.present());
        assertFalse(decision.holdsLock());
    }

    @Test
    void sequenceIsTheTenDigitsAfterTheMarker() {
        assertEquals(Optional.of("0000000003"), KazooLockOrder.sequence(A));
        assertEquals(Optional.of("-2147483647"), KazooLockOrder.sequence("abc__lock__-2147483647"), "after the counter wraps");
        assertEquals(Optional.empty(), KazooLockOrder.sequence("abc__lock__"));
    }

    @Test
    void aNameThatIsNoLockNodeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> KazooLockOrder.decide(List.of(), "not-a-lock-node"));
    }
}
