package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.reviewgateway.gateway.product.ProductLines;
import org.reviewgateway.gateway.product.ProductRating;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.JsonFields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A submitted review, from the HTML form or from JSON; what was typed is kept to re-show the form. */
record ReviewInput(@Nullable Integer rating, @Nullable String comment, List<ProductRating> products) {

    static final int MAX_COMMENT = 2000;

    static ReviewInput fromForm(Map<String, String> fields) {
        Integer rating = null;
        try {
            rating = fields.get("rating") == null ? null : Integer.valueOf(fields.get("rating").trim());
        } catch (NumberFormatException notANumber) {
            rating = 0;
        }
        return new ReviewInput(rating, fields.get("comment"), List.of());
    }

    /** @param orderProducts the ids of the reviewed order's products: the only ones a review may rate */
    static ReviewInput fromJson(@Nullable String body, JsonMapper json, Set<String> orderProducts) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new InvalidInputException("(body)", "must be a JSON object");
        }
        JsonFields fields = JsonFields.of(node);
        Integer value = wholeNumber(fields.node("rating"));
        String comment = fields.optionalText("comment", Integer.MAX_VALUE);
        List<ProductRating> products = new ArrayList<>();
        Set<String> rated = new HashSet<>();
        for (JsonFields item : fields.objects("products", ProductLines.MAX)) {
            String id = item.requiredText("id", 128);
            if (id != null && !orderProducts.contains(id)) {
                item.reject("id", "is not a product of this order");
            } else if (id != null && !rated.add(id)) {
                item.reject("id", "is rated more than once");
            }
            Integer productRating = wholeNumber(item.node("rating"));
            if (productRating == null || productRating < 1 || productRating > 5) {
                item.reject("rating", "must be a whole number from 1 to 5");
            }
            String productComment = item.optionalText("comment", MAX_COMMENT);
            if (item.valid()) {
                products.add(new ProductRating(id, productRating, clean(productComment)));
            }
        }
        fields.throwIfInvalid();
        return new ReviewInput(value, comment, List.copyOf(products));
    }

    /** A JSON number that is a whole number; 0 (out of range) for any other value, null when absent. */
    @Nullable
    private static Integer wholeNumber(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isNumber() && node.getNumberValue().doubleValue() == node.getIntValue() ? node.getIntValue() : 0;
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
        return clean(comment);
    }

    @Nullable
    private static String clean(@Nullable String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
