package io.pero.ocr.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames and rules from ruling segments, in units of a 20-pixel line height. */
class RulesTest {
    private static final double H = 20;
    private final List<Ruling> rulings = new ArrayList<>();

    private void vertical(double x, double y0, double y1) {
        rulings.add(new Ruling(x * H, y0 * H, x * H, y1 * H));
    }

    private void horizontal(double y, double x0, double x1) {
        rulings.add(new Ruling(x0 * H, y * H, x1 * H, y * H));
    }

    private void box(double x0, double y0, double x1, double y1) {
        vertical(x0, y0, y1);
        vertical(x1, y0, y1);
        horizontal(y0, x0, x1);
        horizontal(y1, x0, x1);
    }

    @Test
    void aClosedBoxIsAFrameAndTextInsideIsInIt() {
        box(10, 10, 30, 40);
        Rules rules = Rules.of(rulings, H);
        assertEquals(1, rules.frames().size());
        assertEquals(0, rules.frameOf(20 * H, 20 * H));
        assertEquals(-1, rules.frameOf(5 * H, 20 * H));
    }

    @Test
    void aBoxWhoseTopIsInterruptedByItsHeadingIsStillAFrame() {
        vertical(10, 10, 40);
        vertical(30, 10, 40);
        horizontal(40, 10, 30);
        assertEquals(1, Rules.of(rulings, H).frames().size());
    }

    @Test
    void columnRulesUnderARuleAcrossThePageAreNotFrames() {
        horizontal(5, 0, 60);
        vertical(20, 5, 80);
        vertical(40, 5, 80);
        vertical(60, 5, 80);
        Rules rules = Rules.of(rulings, H);
        assertEquals(List.of(), rules.frames());
        assertTrue(rules.verticalBetween(19 * H, 21 * H, 30 * H));
        assertFalse(rules.verticalBetween(21 * H, 39 * H, 30 * H));
    }

    @Test
    void boxesSideBySideAreFramesOfTheirOwnNotOneGrid() {
        box(10, 10, 20, 50);
        box(21, 10, 31, 48);
        // One rule along both tops, as printed tables draw it.
        horizontal(10, 10, 31);
        Rules rules = Rules.of(rulings, H);
        assertEquals(2, rules.frames().size());
        assertTrue(rules.frameOf(15 * H, 30 * H) != rules.frameOf(26 * H, 30 * H));
    }

    @Test
    void aRuleBrokenByTheScanIsOneRule() {
        vertical(10, 10, 25);
        vertical(10, 26.5, 40);
        vertical(30, 10, 40);
        horizontal(10, 10, 30);
        assertEquals(1, Rules.of(rulings, H).frames().size());
    }

    @Test
    void aRuleUnderAHeadingSeparatesItFromTheTextBelow() {
        horizontal(12, 0, 30);
        Rules rules = Rules.of(rulings, H);
        assertTrue(rules.horizontalBetween(11 * H, 13 * H, 2 * H, 28 * H));
        assertFalse(rules.horizontalBetween(13 * H, 15 * H, 2 * H, 28 * H));
        assertFalse(rules.horizontalBetween(11 * H, 13 * H, 32 * H, 50 * H));
    }

    @Test
    void aCouponUnderABoxBelongsToItWhereTheBoxsOuterRuleRunsOnBesideIt() {
        box(10, 10, 40, 30);
        vertical(41, 10, 38);
        Rules rules = Rules.of(rulings, H);
        assertEquals(0, rules.frameContinuedBeside(11 * H, 31 * H, 39 * H, 33 * H, H));
        assertEquals(0, rules.frameContinuedBeside(11 * H, 35 * H, 25 * H, 37 * H, H));
        // Below the outer rule's end, or wider than the box, it is running text again.
        assertEquals(-1, rules.frameContinuedBeside(11 * H, 39 * H, 39 * H, 41 * H, H));
        assertEquals(-1, rules.frameContinuedBeside(0, 31 * H, 60 * H, 33 * H, H));
    }

    @Test
    void textUnderABoxWithoutAnOuterRuleIsNotPartOfIt() {
        box(10, 10, 40, 30);
        assertEquals(-1, Rules.of(rulings, H).frameContinuedBeside(11 * H, 31 * H, 39 * H, 33 * H, H));
    }
}
