package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import org.jsoup.parser.Parser;
import org.reviewgateway.gateway.product.ProductLine;
import org.reviewgateway.gateway.product.ProductLines;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shop order's line items as the order's products. Forgiving like the rest of a shop's payload: a line the contract
 * could not take (no usable id or name: a custom line, a gift card) is left out, never the order. The id is the SKU
 * when it is a valid product id, else the shop's product id; a product listed twice (two variants) counts once.
 */
final class ShopLineItems {

    private ShopLineItems() {
    }

    /** @param nameField the field holding the product's name; {@code html} when the shop sends it with HTML entities */
    static List<ProductLine> products(List<Map<String, String>> lineItems, String nameField, boolean html) {
        List<ProductLine> products = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, String> item : lineItems) {
            String id = id(item.get("sku"), item.get("product_id"));
            String name = name(item.get(nameField), html);
            if (id != null && name != null && seen.add(id) && products.size() < ProductLines.MAX) {
                products.add(new ProductLine(id, name, null, null));
            }
        }
        return List.copyOf(products);
    }

    @Nullable
    private static String id(@Nullable String sku, @Nullable String productId) {
        if (sku != null && ProductLines.isId(sku.strip())) {
            return sku.strip();
        }
        // WooCommerce sends product_id 0 for a product deleted since: no product, not one shared by every such line
        return productId != null && !productId.matches("0+") && ProductLines.isId(productId) ? productId : null;
    }

    @Nullable
    private static String name(@Nullable String raw, boolean html) {
        if (raw == null) {
            return null;
        }
        String text = (html ? Parser.unescapeEntities(raw, false) : raw).replaceAll("\\p{Cntrl}+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= ProductLines.MAX_NAME ? text : text.substring(0, ProductLines.MAX_NAME).strip();
    }
}
