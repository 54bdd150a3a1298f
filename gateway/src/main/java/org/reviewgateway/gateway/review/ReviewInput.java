package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.JsonFields;

import java.io.IOException;
import java.util.Map;

/** A submitted review, from the HTML form or from JSON; what was typed is kept to re-show the form. */
record ReviewInput(@Nullable Integer rating, @Nullable String comment) {

    static final int MAX_COMMENT = 2000;

    static ReviewInput fromForm(Map<String, String> fields) {
        Integer rating = null;
        try {
            rating = fields.get("rating") == null ? null : Integer.valueOf(fields.get("rating").trim());
        } catch (NumberFormatException notANumber) {
            rating = 0;
        }
        return new ReviewInput(rating, fields.get("comment"));
    }

    static ReviewInput fromJson(@Nullable String body, JsonMapper json) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new InvalidInputException("(body)", "must be a JSON object");
        }
        JsonFields fields = JsonFields.of(node);
        JsonNode rating = fields.node("rating");
        Integer value = null;
        if (rating != null && !rating.isNull()) {
            value = rating.isNumber() && rating.getNumberValue().doubleValue() == rating.getIntValue() ? rating.getIntValue() : 0;
        }
        String comment = fields.optionalText("comment", Integer.MAX_VALUE);
        fields.throwIfInvalid();
        return new ReviewInput(value, comment);
    }

    /** The first problem with this input, or null when it is a valid review. */
    @Nullable
    InvalidInputException problem() {
        if (rating == null) {
            return new InvalidInputException("rating", "choose a rating from 1 to 5 stars");
        }
        if (rating < 1 || rating > 5) {
            return new InvalidInputException("rating", "must be a whole number from 1 to 5");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            return new InvalidInputException("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        return null;
    }

    @Nullable
    String cleanComment() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
