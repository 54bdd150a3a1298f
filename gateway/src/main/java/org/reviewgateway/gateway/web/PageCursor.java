package org.reviewgateway.gateway.web;

import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where the next page of a time-ordered listing (reviews, a product's reviews) starts: after (createdAt, id), with the
 * page size; opaque to callers.
 */
public record PageCursor(Instant afterTime, long afterId, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** The position a request asks for: its cursor, or else the first page from {@code since} (inclusive). */
    public static PageCursor of(@Nullable String since, @Nullable String limit, @Nullable String cursor) {
        return cursor != null ? decode(cursor) : new PageCursor(since(since), -1, limit(limit));
    }

    public String encode() {
        String raw = "v1:" + afterTime.getEpochSecond() + ":" + afterTime.getNano() + ":" + afterId + ":" + limit;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of the page after one that ended at (createdAt, id). */
    public PageCursor after(Instant createdAt, long id) {
        return new PageCursor(createdAt, id, limit);
    }

    public static PageCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 5 || !"v1".equals(parts[0])) {
                throw new IllegalArgumentException();
            }
            int limit = Integer.parseInt(parts[4]);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException();
            }
            return new PageCursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])), Long.parseLong(parts[3]), limit);
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor this API handed out");
        }
    }

    private static Instant since(String since) {
        if (since == null) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the problem below
        }
        throw new InvalidInputException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
