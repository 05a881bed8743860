package io.pero.ocr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The order-free score forgives line order and nothing else. */
class OrderFreeScoreTest {
    private static final String TRUTH = "the first column starts here\nand runs on below\nthe second column follows\n"
            + "with its own lines";

    @Test
    void columnsReadInTheWrongOrderCostNothingOrderFree() {
        String swapped = "the second column follows\nwith its own lines\nthe first column starts here\n"
                + "and runs on below";
        assertTrue(CharacterErrorRate.score(swapped, TRUTH).edits() > 20);
        assertEquals(0, OrderFreeScore.score(swapped, TRUTH).edits());
    }

    @Test
    void interleavedLinesArePutBackInOrder() {
        String interleaved = "the first column starts here\nthe second column follows\nand runs on below\n"
                + "with its own lines";
        assertEquals(0, OrderFreeScore.score(interleaved, TRUTH).edits());
    }

    @Test
    void recognitionErrorsAndLostLinesStillCount() {
        String misread = "with its own 1ines\nthe first co1umn starts here\nand runs on below";
        CharacterErrorRate.Score inOrder = CharacterErrorRate.score(
                "the first co1umn starts here\nand runs on below\nwith its own 1ines", TRUTH);
        assertEquals(inOrder.edits(), OrderFreeScore.score(misread, TRUTH).edits());
        assertTrue(inOrder.edits() > 2);
    }

    @Test
    void neverMoreThanThePlainScore() {
        String repeated = "a\nb\na\nb";
        assertTrue(OrderFreeScore.score(repeated, "a\na\nb\nb").edits()
                <= CharacterErrorRate.score(repeated, "a\na\nb\nb").edits());
    }
}
