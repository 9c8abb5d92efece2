package org.duban.reminder.channel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a digest's items are packed into parts: in order, each part within its budget, nothing cut. */
class ChannelMessagesPackTest {

    @ParameterizedTest(name = "{0} items of {1} bytes, budget {2} → {3} parts")
    @CsvSource({
            "1,  10, 100, 1",
            "8,  10, 100, 1",    // 8 × 10 + 7 separators × 2 = 94
            "9,  10, 100, 2",    // 9 × 10 + 8 separators × 2 = 106
            "10, 10, 100, 2",
            "30, 30, 100, 10",
            "0,  10, 100, 1",
    })
    void packsInOrderWithinTheBudget(int count, int size, int budget, int expectedParts) {
        List<String> items = Collections.nCopies(count, "x".repeat(size));
        List<List<String>> parts = ChannelMessages.pack(items, budget);
        assertEquals(expectedParts, parts.size());
        assertEquals(items, parts.stream().flatMap(List::stream).toList(), "every item once, in order");
        for (List<String> part : parts) {
            int bytes = part.stream().mapToInt(ChannelMessages::bytes).sum() + Math.max(0, part.size() - 1) * 2;
            assertTrue(bytes <= budget, "a part of " + bytes + " bytes");
        }
    }

    @Test
    void anItemLongerThanAPartContinuesInTheNextWithoutBreakingACharacter() {
        String item = "督办".repeat(100); // 600 bytes
        List<List<String>> parts = ChannelMessages.pack(List.of("开头", item, "结尾"), 250);
        String joined = String.join("", parts.stream().flatMap(List::stream).toList());
        assertEquals("开头" + item + "结尾", joined, "nothing cut, nothing lost");
        for (List<String> part : parts) {
            for (String piece : part) {
                assertTrue(ChannelMessages.bytes(piece) <= 250);
            }
        }
        assertTrue(parts.size() >= 3);
    }
}
