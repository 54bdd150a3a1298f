package org.reviewgateway.gateway.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The opaque paging cursor: round trip, and anything not handed out is refused as a field error. */
class PageCursorTest {

    @Test
    void aCursorDecodesToWhatWasEncoded() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-12-01T10:15:30.123456789Z"), 42, 100);
        assertEquals(cursor, PageCursor.decode(cursor.encode()));
        assertEquals(-1, PageCursor.of(null, "10", null).afterId());
        assertEquals(Instant.EPOCH, PageCursor.of(null, null, null).afterTime());
        assertEquals(PageCursor.DEFAULT_LIMIT, PageCursor.of(null, null, null).limit());
    }

    @Test
    void aForgedOrBrokenCursorIsRefused() {
        String overLimit = Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:0:0:1:" + (PageCursor.MAX_LIMIT + 1)).getBytes());
        for (String bad : new String[]{"", "not base64!", overLimit, Base64.getUrlEncoder().encodeToString("v2:0:0:1:10".getBytes())}) {
            assertThrows(InvalidInputException.class, () -> PageCursor.decode(bad), bad);
        }
    }

    @Test
    void badSinceOrLimitIsAFieldError() {
        for (String limit : new String[]{"0", "1001", "ten", "-1"}) {
            assertEquals("limit", assertThrows(InvalidInputException.class, () -> PageCursor.of(null, limit, null)).errors().get(0).field());
        }
        assertEquals("since", assertThrows(InvalidInputException.class, () -> PageCursor.of("yesterday", null, null)).errors().get(0).field());
    }
}
