package org.reviewgateway.gateway.product;

import org.reviewgateway.gateway.web.JsonFields;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads an order's optional {@code products}: up to 50, each with an id of its own, every bad field named. */
public final class ProductLines {

    public static final int MAX = 50;
    /** The alphabet of transaction ids: an identifier, never an address. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern GTIN = Pattern.compile("[0-9]{8,14}");
    public static final int MAX_NAME = 200;
    private static final int MAX_URL = 2048;

    private ProductLines() {
    }

    public static List<ProductLine> read(JsonFields order) {
        List<ProductLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonFields item : order.objects("products", MAX)) {
            String id = id(item);
            String name = item.requiredLine("name", MAX_NAME);
            String gtin = item.optionalText("gtin", 14);
            if (gtin != null && !GTIN.matcher(gtin).matches()) {
                item.reject("gtin", "must be 8 to 14 digits");
            }
            String url = item.optionalLine("url", MAX_URL);
            if (url != null && !isWebLink(url)) {
                item.reject("url", "must be an absolute http or https URL");
            }
            if (id != null && !seen.add(id)) {
                item.reject("id", "appears more than once in products");
            }
            if (id != null && name != null) {
                lines.add(new ProductLine(id, name.strip(), gtin, url));
            }
        }
        return List.copyOf(lines);
    }

    public static boolean isId(String text) {
        return ID.matcher(text).matches();
    }

    static String id(JsonFields item) {
        String id = item.requiredText("id", 128);
        if (id != null && !ID.matcher(id).matches()) {
            item.reject("id", "must be 1-128 characters of A-Z a-z 0-9 . _ : -");
            return null;
        }
        return id;
    }

    private static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The canonical text of an order's products for its idempotency digest; empty for none (digests of orders without stay as they were). */
    public static String canonical(List<ProductLine> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append('\n').append(line.canonical()));
        return text.toString();
    }
}
