package org.reviewgateway.gateway.review;

import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.web.InvalidInputException;

import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The opaque paging cursor: round trip, and anything not handed out is refused as a field error. */
class ReviewCursorTest {

    @Test
    void aCursorDecodesToWhatWasEncoded() {
        ReviewCursor cursor = new ReviewCursor(Instant.parse("2026-12-01T10:15:30.123456789Z"), 42, 100);
        assertEquals(cursor, ReviewCursor.decode(cursor.encode()));
        assertEquals(-1, ReviewCursor.first(Instant.EPOCH, 10).afterId());
    }

    @Test
    void aForgedOrBrokenCursorIsRefused() {
        String overLimit = Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:0:0:1:" + (ReviewsController.MAX_LIMIT + 1)).getBytes());
        for (String bad : new String[]{"", "not base64!", overLimit, Base64.getUrlEncoder().encodeToString("v2:0:0:1:10".getBytes())}) {
            assertThrows(InvalidInputException.class, () -> ReviewCursor.decode(bad), bad);
        }
    }
}
