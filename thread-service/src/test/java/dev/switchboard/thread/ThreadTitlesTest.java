package dev.switchboard.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThreadTitlesTest {

    @Test
    void shortMessagesAreTheTitleWithWhitespaceCollapsed() {
        assertEquals("Hello there", ThreadTitles.fromFirstMessage("  Hello \n\t there ", 80));
    }

    @Test
    void longMessagesAreCutAtAWordBoundaryWithinTheLimit() {
        String title = ThreadTitles.fromFirstMessage("word ".repeat(40), 80);
        assertTrue(title.length() <= 80, title);
        assertTrue(title.endsWith("word…"), title);
    }

    @Test
    void aLongWordIsCutHard() {
        String title = ThreadTitles.fromFirstMessage("x".repeat(200), 80);
        assertEquals(80, title.length());
    }

    @Test
    void blankMessagesGiveNoTitle() {
        assertNull(ThreadTitles.fromFirstMessage("   ", 80));
        assertNull(ThreadTitles.fromFirstMessage(null, 80));
    }
}
