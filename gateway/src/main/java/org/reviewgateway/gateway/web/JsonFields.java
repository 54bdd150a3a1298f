package org.reviewgateway.gateway.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a JSON object one by one and collects every problem with its field path, so a
 * request gets all its errors in one 422 instead of one per attempt. Unknown fields are ignored.
 */
public final class JsonFields {

    private final JsonNode object;
    private final String path;
    private final List<Problem.FieldError> errors;

    private JsonFields(JsonNode object, String path, List<Problem.FieldError> errors) {
        this.object = object;
        this.path = path;
        this.errors = errors;
    }

    /** The fields of a request body, which must be a JSON object. */
    public static JsonFields of(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("(body)", "must be a JSON object");
        }
        return new JsonFields(body, "", new ArrayList<>());
    }

    /** The fields of a nested object, reporting errors under {@code name.}; null when absent or null. */
    @Nullable
    public JsonFields object(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            reject(name, "must be a JSON object");
            return null;
        }
        return new JsonFields(node, field(name) + ".", errors);
    }

    /**
     * The objects of a list, each reporting errors under {@code name[i].}; empty when absent or null. A list longer than
     * {@code max}, or an item that is not an object, is rejected.
     */
    public List<JsonFields> objects(String name, int max) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            reject(name, "must be a list");
            return List.of();
        }
        if (node.size() > max) {
            reject(name, "must hold at most " + max + " items");
            return List.of();
        }
        List<JsonFields> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isObject()) {
                items.add(new JsonFields(node.get(i), field(name) + "[" + i + "].", errors));
            } else {
                reject(name + "[" + i + "]", "must be a JSON object");
            }
        }
        return items;
    }

    public boolean has(String name) {
        return object.get(name) != null;
    }

    /** Present with a non-null value. */
    public boolean hasValue(String name) {
        JsonNode node = object.get(name);
        return node != null && !node.isNull();
    }

    @Nullable
    public JsonNode node(String name) {
        return object.get(name);
    }

    /** A string that must be present and non-blank, at most {@code maxLength} characters. */
    @Nullable
    public String requiredText(String name, int maxLength) {
        if (!hasValue(name)) {
            reject(name, "is required");
            return null;
        }
        String value = optionalText(name, maxLength);
        if (value != null && value.isBlank()) {
            reject(name, "must not be blank");
            return null;
        }
        return value;
    }

    /** A string or null/absent, at most {@code maxLength} characters. */
    @Nullable
    public String optionalText(String name, int maxLength) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            reject(name, "must be a string");
            return null;
        }
        String value = node.getStringValue();
        if (value.length() > maxLength) {
            reject(name, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    /** Like {@link #optionalText}, and refused when it holds a line break or other control character. */
    @Nullable
    public String optionalLine(String name, int maxLength) {
        return singleLine(name, optionalText(name, maxLength));
    }

    /** Like {@link #requiredText}, and refused when it holds a line break or other control character. */
    @Nullable
    public String requiredLine(String name, int maxLength) {
        return singleLine(name, requiredText(name, maxLength));
    }

    /** A required e-mail address, trimmed; the problem never repeats it. */
    @Nullable
    public String requiredEmail(String name) {
        String value = requiredText(name, EmailAddresses.MAX_LENGTH + 64);
        if (value == null) {
            return null;
        }
        if (!EmailAddresses.isValid(value.trim())) {
            reject(name, "must be a valid e-mail address");
            return null;
        }
        return value.trim();
    }

    private String singleLine(String name, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            reject(name, "must be a single line of text");
            return null;
        }
        return value;
    }

    public void reject(String name, String message) {
        errors.add(new Problem.FieldError(field(name), message));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private String field(String name) {
        return path + name;
    }
}
