package io.pero.ocr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Same normalisation and distance as evaldata's cer.py. */
class CharacterErrorRateTest {
    @Test
    void whitespaceIsNormalisedAndEmptyLinesDropped() {
        assertEquals("a b\nc", CharacterErrorRate.normalise("  a \t b \n\n\u00a0\nc  \r\n"));
    }

    @Test
    void composedAndDecomposedAccentsAreEqual() {
        assertEquals(0, CharacterErrorRate.score("Gr\u00fc\u00dfe", "Gru\u0308\u00dfe").edits());
    }

    @Test
    void newlinesCountAsCharacters() {
        CharacterErrorRate.Score s = CharacterErrorRate.score("ab cd", "ab\ncd");
        assertEquals(1, s.edits());
        assertEquals(5, s.groundTruthChars());
        assertEquals(0.2, s.cer(), 1e-9);
    }

    @Test
    void levenshteinCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(3, CharacterErrorRate.score("kitten", "sitting").edits());
        assertEquals(4, CharacterErrorRate.score("", "abcd").edits());
    }
}
