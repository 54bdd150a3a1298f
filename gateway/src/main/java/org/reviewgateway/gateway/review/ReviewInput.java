package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.reviewgateway.gateway.product.ProductLine;
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

    /**
     * The form's fields: {@code rating} and {@code comment} for the order, {@code products[i].rating} and
     * {@code products[i].comment} for the order's i-th product. A product left without stars and comment is not rated.
     */
    static ReviewInput fromForm(Map<String, String> fields, List<ProductLine> orderProducts) {
        List<ProductRating> products = new ArrayList<>();
        for (int i = 0; i < orderProducts.size(); i++) {
            Integer productRating = formRating(fields.get(productField(i, "rating")));
            String productComment = lineBreaks(fields.get(productField(i, "comment")));
            if (productRating != null || (productComment != null && !productComment.isBlank())) {
                products.add(new ProductRating(orderProducts.get(i).id(), productRating == null ? 0 : productRating, productComment));
            }
        }
        return new ReviewInput(formRating(fields.get("rating")), lineBreaks(fields.get("comment")), List.copyOf(products));
    }

    /** A browser counts a line break as one character against maxlength and sends it as two. */
    @Nullable
    private static String lineBreaks(@Nullable String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }

    static String productField(int position, String name) {
        return "products[" + position + "]." + name;
    }

    /** A star value from a form; 0 (out of range) for anything but a number, null when not chosen. */
    @Nullable
    private static Integer formRating(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
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

    /**
     * The first mistake in this input, or null when it is a valid review. A product's mistake (only a form can have
     * one: JSON is checked as it is read) names the product's id as its field, for the form to show it there.
     */
    @Nullable
    Mistake mistake() {
        if (rating == null) {
            return new Mistake("rating", Mistake.Kind.RATING_MISSING);
        }
        if (rating < 1 || rating > 5) {
            return new Mistake("rating", Mistake.Kind.RATING_RANGE);
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            return new Mistake("comment", Mistake.Kind.COMMENT_TOO_LONG);
        }
        for (ProductRating product : products) {
            if (product.rating() < 1 || product.rating() > 5) {
                return new Mistake(product.id(), Mistake.Kind.PRODUCT_RATING);
            }
            if (product.comment() != null && product.comment().length() > MAX_COMMENT) {
                return new Mistake(product.id(), Mistake.Kind.PRODUCT_COMMENT_TOO_LONG);
            }
        }
        return null;
    }

    /** What is wrong with a review: the API's wording, and the key of the form's text in the customer's language. */
    record Mistake(String field, Kind kind) {

        enum Kind {
            RATING_MISSING("choose a rating from 1 to 5 stars", "form.error.ratingMissing", false),
            RATING_RANGE("must be a whole number from 1 to 5", "form.error.ratingRange", false),
            COMMENT_TOO_LONG("must be at most " + MAX_COMMENT + " characters", "form.error.commentTooLong", false),
            PRODUCT_RATING("choose from 1 to 5 stars for this product, or clear its comment", "form.error.productRating", true),
            PRODUCT_COMMENT_TOO_LONG("the comment must be at most " + MAX_COMMENT + " characters", "form.error.productCommentTooLong", true);

            final String apiMessage;
            final String textKey;
            /** A product's mistake: its field is the product's id. */
            final boolean product;

            Kind(String apiMessage, String textKey, boolean product) {
                this.apiMessage = apiMessage;
                this.textKey = textKey;
                this.product = product;
            }
        }

        InvalidInputException problem() {
            return new InvalidInputException(field, kind.apiMessage);
        }
    }

    /** The products with their comments trimmed, blank ones dropped. */
    List<ProductRating> cleanProducts() {
        return products.stream().map(p -> new ProductRating(p.id(), p.rating(), clean(p.comment()))).toList();
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
