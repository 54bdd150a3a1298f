package org.reviewgateway.gateway.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text fields of a form post, read from the raw body: {@code application/x-www-form-urlencoded}
 * (browsers) or {@code multipart/form-data} (what RFC 8058 asks mail providers to send). Files are
 * not expected and are ignored; a body that cannot be decoded is a 400, never a 500.
 */
public final class FormFields {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|[^;\\s]+)");
    private static final Pattern FIELD_NAME = Pattern.compile("(?i)content-disposition:\\s*form-data;.*?\\bname=\"([^\"]*)\"");

    private FormFields() {
    }

    /** Each field's first value (what a form with one input per name sends). */
    public static Map<String, String> parse(@Nullable MediaType contentType, @Nullable String body) {
        return firstOfEach(parseAll(contentType, body));
    }

    /** Every value of each field in the order sent, as checkboxes sharing a name send them. */
    public static Map<String, List<String>> parseAll(@Nullable MediaType contentType, @Nullable String body) {
        if (body == null || body.isEmpty()) {
            return Map.of();
        }
        if (contentType != null && "multipart".equals(contentType.getType()) && "form-data".equals(contentType.getSubtype())) {
            return multipart(contentType.toString(), body);
        }
        return urlEncoded(body);
    }

    public static Map<String, String> firstOfEach(Map<String, List<String>> fields) {
        Map<String, String> first = new HashMap<>();
        fields.forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }

    private static Map<String, List<String>> urlEncoded(String body) {
        Map<String, List<String>> fields = new HashMap<>();
        for (String pair : body.strip().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                add(fields, decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            } else if (!pair.isEmpty()) {
                add(fields, decode(pair), "");
            }
        }
        return fields;
    }

    private static void add(Map<String, List<String>> fields, String name, String value) {
        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    private static Map<String, List<String>> multipart(String contentType, String body) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw malformed();
        }
        String delimiter = "--" + (boundary.group(2) != null ? boundary.group(2) : boundary.group(1));
        Map<String, List<String>> fields = new HashMap<>();
        for (String part : body.split(Pattern.quote(delimiter))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            int separator = 4;
            if (headersEnd < 0) {
                headersEnd = part.indexOf("\n\n");
                separator = 2;
            }
            if (headersEnd < 0) {
                continue;
            }
            Matcher name = FIELD_NAME.matcher(part.substring(0, headersEnd));
            if (!name.find() || part.substring(0, headersEnd).toLowerCase(Locale.ROOT).contains("filename=")) {
                continue;
            }
            String value = part.substring(headersEnd + separator);
            value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
            add(fields, name.group(1), value);
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static DomainException malformed() {
        return new DomainException(DomainException.Condition.MALFORMED, "urn:review-gateway:problem:malformed-form",
                "The form body could not be read: send application/x-www-form-urlencoded or multipart/form-data.");
    }
}
