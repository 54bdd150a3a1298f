package org.reviewgateway.gateway.connector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;
import org.reviewgateway.gateway.web.DomainException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a shop's payload with a streaming parser and keeps only the values at the wanted paths
 * ({@code customer.email}; {@code orders_to_redact[]} for an array's items): every other field is skipped
 * unread, so names, addresses, phones, IPs and notes never become objects in memory. Only strings and
 * integers are kept, as their exact text (an order id above 2^53 is never read as a double).
 */
final class JsonProjection {

    /** Field names are not interned: a payload's names never outlive it in a shared table. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();

    private final Map<String, List<String>> values;
    private final Map<String, List<Map<String, String>>> items;

    private JsonProjection(Map<String, List<String>> values, Map<String, List<Map<String, String>>> items) {
        this.values = values;
        this.items = items;
    }

    /** @throws DomainException MALFORMED when the body is not a JSON object */
    static JsonProjection of(byte[] body, Set<String> wanted) {
        Set<String> prefixes = prefixesOf(wanted);
        Map<String, List<String>> values = new HashMap<>();
        Map<String, List<Map<String, String>>> items = new HashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed();
            }
            readObject(parser, "", wanted, prefixes, values, items);
            if (parser.nextToken() != null) {
                throw malformed();
            }
        } catch (IOException notJson) {
            throw malformed();
        }
        return new JsonProjection(values, items);
    }

    /** The first value at this path, or null when there is none (a blank string counts as none). */
    @Nullable
    String text(String path) {
        List<String> found = values.get(path);
        return found == null || found.isEmpty() || found.get(0).isBlank() ? null : found.get(0);
    }

    /** The first of these paths that holds a value. */
    @Nullable
    String firstText(String... paths) {
        for (String path : paths) {
            String value = text(path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    List<String> texts(String path) {
        return values.getOrDefault(path, List.of());
    }

    /**
     * The objects of an array, each as its wanted fields (named relative to the item, {@code sku} for
     * {@code line_items[].sku}) and their first values: fields of one item stay together even when another lacks one.
     */
    List<Map<String, String>> items(String arrayPath) {
        return items.getOrDefault(arrayPath, List.of());
    }

    private static void readObject(JsonParser parser, String path, Set<String> wanted, Set<String> prefixes,
                                   Map<String, List<String>> values, Map<String, List<Map<String, String>>> items) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = path.isEmpty() ? parser.currentName() : path + "." + parser.currentName();
            parser.nextToken();
            readValue(parser, field, wanted, prefixes, values, items);
        }
    }

    private static void readValue(JsonParser parser, String path, Set<String> wanted, Set<String> prefixes,
                                  Map<String, List<String>> values, Map<String, List<Map<String, String>>> items) throws IOException {
        JsonToken token = parser.currentToken();
        if (!wanted.contains(path) && !prefixes.contains(path)) {
            parser.skipChildren();
            return;
        }
        switch (token) {
            case START_OBJECT -> readObject(parser, path, wanted, prefixes, values, items);
            case START_ARRAY -> {
                String itemPath = path + "[]";
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == JsonToken.START_OBJECT && prefixes.contains(itemPath)) {
                        Map<String, List<String>> item = new HashMap<>();
                        readObject(parser, itemPath, wanted, prefixes, item, items);
                        item.forEach((field, found) -> values.computeIfAbsent(field, f -> new ArrayList<>()).addAll(found));
                        Map<String, String> fields = new HashMap<>();
                        item.forEach((field, found) -> fields.put(field.substring(itemPath.length() + 1), found.get(0)));
                        items.computeIfAbsent(itemPath, p -> new ArrayList<>()).add(fields);
                    } else {
                        readValue(parser, itemPath, wanted, prefixes, values, items);
                    }
                }
            }
            case VALUE_STRING, VALUE_NUMBER_INT -> {
                if (wanted.contains(path)) {
                    values.computeIfAbsent(path, p -> new ArrayList<>()).add(parser.getText());
                }
            }
            default -> parser.skipChildren();
        }
    }

    /** Every path that leads to a wanted one: {@code customer} for {@code customer.email}. */
    private static Set<String> prefixesOf(Set<String> wanted) {
        Set<String> prefixes = new java.util.HashSet<>();
        for (String path : wanted) {
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '.') {
                    prefixes.add(path.substring(0, i));
                } else if (path.startsWith("[]", i)) {
                    prefixes.add(path.substring(0, i));
                }
            }
        }
        return prefixes;
    }

    private static DomainException malformed() {
        return new DomainException(DomainException.Condition.MALFORMED, "urn:review-gateway:problem:malformed-json",
                "The body is not a JSON object.");
    }
}
