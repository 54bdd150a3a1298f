package org.reviewgateway.gateway.review;

import org.reviewgateway.gateway.web.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where the next page of reviews starts: after (createdAt, id), with the page size; opaque to callers. */
record ReviewCursor(Instant afterTime, long afterId, int limit) {

    static ReviewCursor first(Instant since, int limit) {
        return new ReviewCursor(since, -1, limit);
    }

    String encode() {
        String raw = "v1:" + afterTime.getEpochSecond() + ":" + afterTime.getNano() + ":" + afterId + ":" + limit;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ReviewCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 5 || !"v1".equals(parts[0])) {
                throw new IllegalArgumentException();
            }
            int limit = Integer.parseInt(parts[4]);
            if (limit < 1 || limit > ReviewsController.MAX_LIMIT) {
                throw new IllegalArgumentException();
            }
            return new ReviewCursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])), Long.parseLong(parts[3]), limit);
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor this API handed out");
        }
    }
}
