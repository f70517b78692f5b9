package dev.switchboard.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileIdsTest {

    @Test
    void idsAreFilePrefixAnd26CrockfordCharacters() {
        String id = FileIds.next(System.currentTimeMillis());
        assertTrue(id.matches("file_[0-9A-HJKMNP-TV-Z]{26}"), id);
        assertTrue(FileIds.isWellFormed(id));
    }

    @Test
    void idsSortByTimeAndDoNotRepeat() {
        assertTrue(FileIds.next(1_000).compareTo(FileIds.next(2_000)) < 0);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(FileIds.next(42));
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void theSeedsExampleIsWellFormedButGarbageIsNot() {
        assertTrue(FileIds.isWellFormed("file_01KQX0V62MEXAMPLE7W6X3B2A"));
        assertFalse(FileIds.isWellFormed("file_short"));
        assertFalse(FileIds.isWellFormed("01KQX0V62MEXAMPLE7W6X3B2A12"));
        assertFalse(FileIds.isWellFormed("file_" + "A".repeat(41)));
        assertFalse(FileIds.isWellFormed("file_01KQX0V62MEXAMPLE7W6X3B2/"));
        assertFalse(FileIds.isWellFormed(null));
    }
}
