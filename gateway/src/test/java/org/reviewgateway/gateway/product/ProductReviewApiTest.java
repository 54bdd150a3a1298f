package org.reviewgateway.gateway.product;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.OrderBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

/** Products on orders, a rating per product, a product's reviews, its public rating, and what an erasure takes of them. */
@MicronautTest(transactional = false)
@Property(name = "gateway.data-dir", value = "./target/test-data-products")
class ProductReviewApiTest {

    private static final Map<String, Object> MUG = Map.of("id", "SKU-1", "name", "Blue mug", "gtin", "4006381333931",
            "url", "https://acme.example/mug");
    private static final Map<String, Object> PLATE = Map.of("id", "SKU-2", "name", "Plate");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    GatewayClient client;
    String key;
    String merchantId;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Product Shop");
        key = merchant.apiKey();
        merchantId = merchant.id();
    }

    /** A self-delivery order with these products; returns its review link's path. */
    private String order(String transactionId, Object... products) {
        Reply created = client.postJson("/v1/orders", key, OrderBody.self(transactionId).with("products", List.of(products)).json());
        assertEquals(201, created.status(), created::toString);
        return path((String) created.json().get("reviewLink"));
    }

    private String path(String link) {
        return link.substring(server.getURL().toString().length());
    }

    private Reply review(String path, String body) {
        return client.postJson(path, null, body);
    }

    @Test
    void anOrdersProductsAreStoredOnceAndArePartOfTheSameBody() {
        String id = "P-" + UUID.randomUUID();
        order(id, MUG, PLATE);

        Map<String, Object> details = client.get("/v1/orders/" + id, key).json();
        Map<String, Object> plate = new java.util.HashMap<>(PLATE);
        plate.put("gtin", null);
        plate.put("url", null);
        assertEquals(List.of(MUG, plate), details.get("products"), "in the order listed, absent fields null");
        String same = OrderBody.self(id).with("products", List.of(MUG, PLATE)).json();
        assertEquals(200, client.postJson("/v1/orders", key, same).status(), "the same body again");
        assertProblem(client.postJson("/v1/orders", key, OrderBody.self(id).with("products", List.of(MUG)).json()), 409);
        assertProblem(client.postJson("/v1/orders", key, OrderBody.self(id).json()), 409);

        order("P-" + UUID.randomUUID(), Map.of("id", "SKU-1", "name", "Blue mug, large"));
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM products WHERE merchant_id = ? AND product_id = 'SKU-1'", UUID.fromString(merchantId)),
                "once per merchant product");
        assertEquals("Blue mug, large", Db.text(dataSource, "SELECT name FROM products WHERE merchant_id = '" + merchantId + "' AND product_id = 'SKU-1'"),
                "described as the latest order names it");
        assertEquals(201, client.postJson("/v1/orders", key, OrderBody.self("P-" + UUID.randomUUID()).json()).status(), "products are optional");

        String batched = "P-" + UUID.randomUUID();
        Reply batch = client.postJson("/v1/orders/batch", key, OrderBody.batch(OrderBody.self(batched).with("products", List.of(PLATE)),
                OrderBody.self("P-" + UUID.randomUUID()).with("products", List.of(Map.of("id", "S", "name", "n", "gtin", "12")))));
        List<Map<String, Object>> results = (List<Map<String, Object>>) batch.json().get("results");
        assertEquals(201, ((Number) results.get(0).get("status")).intValue(), batch::toString);
        assertEquals("products[0].gtin",
                ((List<Map<String, Object>>) ((Map<String, Object>) results.get(1).get("problem")).get("errors")).get(0).get("field"));
        assertEquals(List.of(plate), client.get("/v1/orders/" + batched, key).json().get("products"), "the batch takes products too");
    }

    @Test
    void badProductsAreNamedFieldByFieldAndNothingIsStored() {
        String id = "B-" + UUID.randomUUID();
        java.util.function.Function<Object, Reply> post = products ->
                client.postJson("/v1/orders", key, OrderBody.self(id).with("products", products).json());
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= ProductLines.MAX; i++) {
            many.add(Map.of("id", "S-" + i, "name", "n"));
        }
        assertFieldError(post.apply(many), "products");
        assertFieldError(post.apply("SKU-1"), "products");
        assertFieldError(post.apply(List.of("SKU-1")), "products[0]");
        assertFieldError(post.apply(List.of(Map.of("id", "kim@example.org", "name", "n"))), "products[0].id");
        assertFieldError(post.apply(List.of(Map.of("name", "n"))), "products[0].id");
        assertFieldError(post.apply(List.of(Map.of("id", "S"))), "products[0].name");
        assertFieldError(post.apply(List.of(Map.of("id", "S", "name", "n".repeat(201)))), "products[0].name");
        assertFieldError(post.apply(List.of(Map.of("id", "S", "name", "n", "gtin", "1234567"))), "products[0].gtin");
        assertFieldError(post.apply(List.of(Map.of("id", "S", "name", "n", "gtin", "12345678901234x"))), "products[0].gtin");
        assertFieldError(post.apply(List.of(Map.of("id", "S", "name", "n", "url", "ftp://acme.example/x"))), "products[0].url");
        assertFieldError(post.apply(List.of(Map.of("id", "S", "name", "n", "url", "/relative"))), "products[0].url");
        assertFieldError(post.apply(List.of(MUG, Map.of("id", "SKU-1", "name", "again"))), "products[1].id");
        assertProblem(client.get("/v1/orders/" + id, key), 404);
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM products WHERE merchant_id = ?", UUID.fromString(merchantId)));
        assertEquals(201, post.apply(many.subList(0, ProductLines.MAX)).status(), "50 is allowed");
    }

    @Test
    void aReviewRatesTheOrdersProductsAndTheirReviewsArePaged() {
        String id = "R-" + UUID.randomUUID();
        String path = order(id, MUG, PLATE);

        assertFieldError(review(path, "{\"rating\":5,\"products\":[{\"id\":\"SKU-9\",\"rating\":4}]}"), "products[0].id");
        assertFieldError(review(path, "{\"rating\":5,\"products\":[{\"id\":\"SKU-1\",\"rating\":6}]}"), "products[0].rating");
        assertFieldError(review(path, "{\"rating\":5,\"products\":[{\"id\":\"SKU-1\"}]}"), "products[0].rating");
        assertFieldError(review(path, "{\"rating\":5,\"products\":[{\"id\":\"SKU-1\",\"rating\":4,\"comment\":\"" + "c".repeat(2001) + "\"}]}"),
                "products[0].comment");
        assertFieldError(review(path, "{\"rating\":5,\"products\":[{\"id\":\"SKU-1\",\"rating\":4},{\"id\":\"SKU-1\",\"rating\":3}]}"), "products[1].id");
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM product_reviews WHERE transaction_id = ?", id), "nothing half-written");

        Reply reviewed = review(path, "{\"rating\":5,\"comment\":\"Great\",\"products\":[{\"id\":\"SKU-1\",\"rating\":4,\"comment\":\"Sturdy\"},"
                + "{\"id\":\"SKU-2\",\"rating\":2}]}");
        assertEquals(200, reviewed.status(), reviewed::toString);
        List<Map<String, Object>> rated = List.of(Map.of("id", "SKU-1", "rating", 4, "comment", "Sturdy"),
                new java.util.HashMap<>(Map.of("id", "SKU-2", "rating", 2)));
        rated.get(1).put("comment", null);
        assertEquals(rated, reviewed.json().get("products"));
        Map<String, Object> listed = ((List<Map<String, Object>>) client.get("/v1/reviews", key).json().get("reviews")).get(0);
        assertEquals(rated, listed.get("products"), "GET /v1/reviews carries products");
        assertEquals(rated, ((Map<String, Object>) client.get("/v1/orders/" + id, key).json().get("review")).get("products"));

        for (int i = 0; i < 2; i++) {
            review(order("R-" + UUID.randomUUID(), MUG), "{\"rating\":3,\"products\":[{\"id\":\"SKU-1\",\"rating\":" + (5 - i) + "}]}");
        }
        Reply first = client.get("/v1/products/SKU-1/reviews?limit=2", key);
        assertEquals(200, first.status(), first::toString);
        List<Map<String, Object>> page = (List<Map<String, Object>>) first.json().get("reviews");
        assertEquals(2, page.size());
        assertEquals(id, page.get(0).get("transactionId"));
        assertEquals(4, ((Number) page.get(0).get("rating")).intValue());
        assertEquals("Sturdy", page.get(0).get("comment"));
        Reply second = client.get("/v1/products/SKU-1/reviews?cursor=" + first.json().get("next"), key);
        assertEquals(1, ((List<?>) second.json().get("reviews")).size());
        assertNull(second.json().get("next"));
        assertEquals(1, ((List<?>) client.get("/v1/products/SKU-2/reviews", key).json().get("reviews")).size());

        assertProblem(client.get("/v1/products/SKU-404/reviews", key), 404);
        assertProblem(client.get("/v1/products/SKU-1/reviews", client.newMerchant("Other Product Shop").apiKey()), 404);
        assertFieldError(client.get("/v1/products/SKU-1/reviews?limit=0", key), "limit");
        assertProblem(client.get("/v1/products/SKU-1/reviews", null), 401);
    }

    @Test
    void theFormRatesProductsAndShowsAProductsMistakeInItsOwnFieldset() {
        String id = "F-" + UUID.randomUUID();
        String path = order(id, MUG, Map.of("id", "SKU-3", "name", "Tea <b>pot</b>"));
        String form = client.get(path, null).body();
        assertTrue(form.contains("<legend>Your rating for Blue mug</legend>"), form);
        assertTrue(form.contains("<legend>Your rating for Tea &lt;b&gt;pot&lt;/b&gt;</legend>"), "a product's name is escaped: " + form);
        assertTrue(form.contains("name=\"products[1].rating\""), form);

        Reply wrong = client.send("POST", path, null, "application/x-www-form-urlencoded",
                "rating=4&comment=Good&products%5B0%5D.rating=5&products%5B0%5D.comment=Sturdy&products%5B1%5D.comment=Leaks");
        assertEquals(422, wrong.status());
        String page = wrong.body();
        int teapot = page.indexOf("<legend>Your rating for Tea");
        int error = page.indexOf("Please choose 1 to 5 stars for this product");
        assertTrue(error > teapot && teapot > 0, "the error sits in the tea pot's fieldset: " + page);
        assertTrue(page.contains(">Leaks</textarea>") && page.contains(">Sturdy</textarea>") && page.contains(">Good</textarea>"),
                "what was typed is shown again: " + page);
        assertTrue(page.contains("id=\"p0-star5\" name=\"products[0].rating\" value=\"5\" checked"), page);
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM reviews r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = ?", id));

        Reply sent = client.send("POST", path, null, "application/x-www-form-urlencoded",
                "rating=4&comment=Good&products%5B0%5D.rating=5&products%5B0%5D.comment=+Sturdy+&products%5B1%5D.comment=");
        assertEquals(200, sent.status(), sent::toString);
        Map<String, Object> review = (Map<String, Object>) client.get("/v1/orders/" + id, key).json().get("review");
        assertEquals(List.of(Map.of("id", "SKU-1", "rating", 5, "comment", "Sturdy")), review.get("products"),
                "an unrated product without a comment is left out");
    }

    @Test
    void aFormCommentIsMeasuredAsTheBrowserCountsItAndItsMistakeShownWhereItBelongs() {
        String id = "F-" + UUID.randomUUID();
        String path = order(id, Map.of("id", "comment", "name", "A product called comment"));
        Reply tooLong = client.send("POST", path, null, "application/x-www-form-urlencoded", "rating=4&comment=" + "c".repeat(2001));
        assertEquals(422, tooLong.status());
        String page = tooLong.body();
        int error = page.indexOf("Please shorten your comment");
        assertTrue(error > 0 && error < page.indexOf("<h2>"), "the overall comment's mistake is at the top, not in the product's fieldset: " + page);

        Reply withLineBreaks = client.send("POST", path, null, "application/x-www-form-urlencoded",
                "rating=4&comment=" + "c".repeat(1990) + "%0D%0A".repeat(5) + "end");
        assertEquals(200, withLineBreaks.status(), "1998 characters as the browser's maxlength counts them (CRLF sent for each break)");
        String comment = (String) ((Map<String, Object>) client.get("/v1/orders/" + id, key).json().get("review")).get("comment");
        assertEquals(1998, comment.length());
    }

    @Test
    void thePublicRatingIsTheAggregateCacheableFromAnyOrigin() {
        String rating = "/p/" + merchantId + "/products/SKU-1/rating";
        Reply none = client.get(rating, null);
        assertEquals(200, none.status(), none::toString);
        assertEquals(Map.of("productId", "SKU-1", "reviewCount", 0), Map.of("productId", none.json().get("productId"),
                "reviewCount", ((Number) none.json().get("reviewCount")).intValue()));
        assertTrue(none.json().containsKey("ratingValue"));
        assertNull(none.json().get("ratingValue"), "null without reviews");

        review(order("G-" + UUID.randomUUID(), MUG), "{\"rating\":5,\"products\":[{\"id\":\"SKU-1\",\"rating\":4}]}");
        Reply one = client.get(rating, null);
        assertEquals(4.0, ((Number) one.json().get("ratingValue")).doubleValue());
        assertEquals(1, ((Number) one.json().get("reviewCount")).intValue());
        assertEquals("*", one.header("Access-Control-Allow-Origin"));
        assertEquals("public, max-age=300", one.header("Cache-Control"));
        String etag = one.header("ETag");
        assertNotEquals(none.header("ETag"), etag);

        Conditional conditional = new Conditional(server.getURL() + rating, etag);
        assertEquals(304, conditional.status(), "unchanged since the ETag");
        review(order("G-" + UUID.randomUUID(), MUG), "{\"rating\":5,\"products\":[{\"id\":\"SKU-1\",\"rating\":5}]}");
        Reply two = client.get(rating, null);
        assertEquals(4.5, ((Number) two.json().get("ratingValue")).doubleValue());
        assertEquals(2, ((Number) two.json().get("reviewCount")).intValue());
        assertEquals(200, new Conditional(server.getURL() + rating, etag).status(), "changed: a new ETag");

        assertProblem(client.get("/p/" + UUID.randomUUID() + "/products/SKU-1/rating", null), 404);
        assertProblem(client.get("/p/not-a-merchant/products/SKU-1/rating", null), 404);
    }

    @Test
    void anErasureRequestTakesTheCommentsAndKeepsTheRatings() {
        String email = "product.reviewer." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String id = "E-" + UUID.randomUUID();
        Reply created = client.postJson("/v1/orders", key, OrderBody.delegated(id, email).with("products", List.of(MUG)).json());
        assertEquals(201, created.status(), created::toString);
        assertEquals(200, review(path((String) created.json().get("reviewLink")),
                "{\"rating\":4,\"comment\":\"Kim loved it\",\"products\":[{\"id\":\"SKU-1\",\"rating\":5,\"comment\":\"Kim's favourite\"}]}").status());

        assertEquals(200, client.postJson("/v1/erasure-requests", key, "{\"email\":\"" + email + "\"}").status());

        Map<String, Object> review = (Map<String, Object>) client.get("/v1/orders/" + id, key).json().get("review");
        assertNull(review.get("comment"));
        assertEquals(4, ((Number) review.get("rating")).intValue());
        List<Map<String, Object>> products = (List<Map<String, Object>>) review.get("products");
        assertNull(products.get(0).get("comment"));
        assertEquals(5, ((Number) products.get(0).get("rating")).intValue());
        assertEquals(1, ((Number) client.get("/p/" + merchantId + "/products/SKU-1/rating", null).json().get("reviewCount")).intValue(),
                "the rating still counts");
        assertEquals(List.of(), Db.scanRowsOf(dataSource, UUID.fromString(merchantId), List.of(), List.of("Kim loved", "Kim's favourite")));
    }

    @Test
    void theExportCarriesProductsAndTheirRatings() {
        String id = "X-" + UUID.randomUUID();
        review(order(id, MUG, PLATE), "{\"rating\":5,\"products\":[{\"id\":\"SKU-2\",\"rating\":3}]}");
        order("X-" + UUID.randomUUID());

        String[] lines = client.get("/v1/export", key).body().split("\n");
        assertEquals(2, lines.length);
        Map<String, Object> first;
        try {
            first = json.readValue(lines[0], Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of("SKU-1", "SKU-2"), ((List<Map<String, Object>>) first.get("products")).stream().map(p -> p.get("id")).toList());
        assertEquals(List.of(Map.of("id", "SKU-2", "rating", 3)), ((List<Map<String, Object>>) ((Map<String, Object>) first.get("review")).get("products"))
                .stream().map(p -> Map.of("id", p.get("id"), "rating", p.get("rating"))).toList());
        assertTrue(lines[1].contains("\"products\":[]"), lines[1]);
    }

    /** A GET of the public rating with If-None-Match. */
    private record Conditional(String url, String etag) {

        int status() {
            try {
                return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                        .header("If-None-Match", etag).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
