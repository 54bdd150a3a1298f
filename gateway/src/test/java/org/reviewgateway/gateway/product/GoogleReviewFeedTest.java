package org.reviewgateway.gateway.product;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.OrderBody;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

/** Google's Product Reviews feed: valid against schema 2.4, every product review of the caller, nobody named. */
@MicronautTest(transactional = false)
@Property(name = "gateway.data-dir", value = "./target/test-data-feed")
@Property(name = "gateway.public-base-url", value = "https://reviews.acme.example")
class GoogleReviewFeedTest {

    private static final String FEED = "/v1/feeds/google-product-reviews.xml";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private String review(GatewayClient client, String key, OrderBody order, String reviewBody) {
        Reply created = client.postJson("/v1/orders", key, order.json());
        assertEquals(201, created.status(), created::toString);
        String link = (String) created.json().get("reviewLink");
        Reply reviewed = client.postJson(link.substring(link.indexOf("/r/")), null, reviewBody);
        assertEquals(200, reviewed.status(), reviewed::toString);
        return link;
    }

    @Test
    void everyProductReviewOfTheCallerIsInAValidFeedAndNobodyIsNamed() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Feed & Co <Shop>");
        String key = merchant.apiKey();
        List<Object> products = List.of(
                Map.of("id", "SKU-1", "name", "Blue mug & saucer", "gtin", "4006381333931", "url", "https://acme.example/mug"),
                Map.of("id", "SKU-2", "name", "Plate"));
        String first = "G-" + UUID.randomUUID();
        review(client, key, OrderBody.delegated(first, "feed.reader@example.org").with("products", products),
                "{\"rating\":5,\"comment\":\"Shop comment\",\"products\":[{\"id\":\"SKU-1\",\"rating\":4,\"comment\":\"<b>Sturdy</b> & \\u0001 big\"},"
                        + "{\"id\":\"SKU-2\",\"rating\":2}]}");
        String second = "G-" + UUID.randomUUID();
        review(client, key, OrderBody.self(second).with("products", List.of(products.get(0))),
                "{\"rating\":3,\"products\":[{\"id\":\"SKU-1\",\"rating\":5,\"comment\":\"Again\"}]}");
        review(client, key, OrderBody.self("G-" + UUID.randomUUID()), "{\"rating\":1}");

        Reply feed = client.get(FEED, key);
        assertEquals(200, feed.status(), feed::toString);
        assertTrue(feed.contentType().startsWith("application/xml"), feed.contentType());
        validate(feed.body());
        Document document = parse(feed.body());
        assertEquals("2.4", text(document.getDocumentElement(), "version"));
        assertEquals("Feed & Co <Shop>", text((Element) document.getElementsByTagName("publisher").item(0), "name"));

        List<Element> reviews = elements(document.getElementsByTagName("review"));
        assertEquals(3, reviews.size(), "one per product review; the review without products is no product review");
        for (Element review : reviews) {
            Element name = (Element) ((Element) review.getElementsByTagName("reviewer").item(0)).getElementsByTagName("name").item(0);
            assertEquals("Anonymous", name.getTextContent());
            assertEquals("true", name.getAttribute("is_anonymous"));
        }
        Element sturdy = reviews.stream().filter(r -> text(r, "content").contains("Sturdy")).findFirst().orElseThrow();
        assertEquals("<b>Sturdy</b> & \uFFFD big", text(sturdy, "content"), "markup is text; a control character XML cannot carry is replaced");
        assertEquals("4", text(sturdy, "overall"));
        assertEquals("4006381333931", text(sturdy, "gtin"));
        assertEquals("SKU-1", text(sturdy, "sku"));
        assertEquals("Blue mug & saucer", text(sturdy, "product_name"));
        assertEquals("https://acme.example/mug", text(sturdy, "product_url"));
        Element plate = reviews.stream().filter(r -> text(r, "sku").equals("SKU-2")).findFirst().orElseThrow();
        assertEquals("Rated 2 of 5 stars.", text(plate, "content"), "the schema requires content");
        assertEquals("https://reviews.acme.example/p/" + merchant.id() + "/products/SKU-2/rating", text(plate, "product_url"));
        assertEquals(0, plate.getElementsByTagName("gtins").getLength());
        assertEquals(200, client.send("PATCH", "/v1/settings", key, "application/json", "{\"shopUrl\":\"https://feed.example/\"}").status());
        Document withShop = parse(client.get(FEED, key).body());
        Element plateAgain = elements(withShop.getElementsByTagName("review")).stream().filter(r -> text(r, "sku").equals("SKU-2"))
                .findFirst().orElseThrow();
        assertEquals("https://feed.example/", text(plateAgain, "product_url"), "the shop's page before the JSON rating");
        client.send("PATCH", "/v1/settings", key, "application/json", "{\"shopUrl\":null}");

        for (String secret : List.of(first, second, "feed.reader@example.org", "Shop comment")) {
            assertFalse(feed.body().contains(secret), "the feed carries no order id, address or shop comment: " + secret);
        }
        assertEquals(reviews.size(), reviews.stream().map(r -> text(r, "review_id")).distinct().count());
        assertEquals(feed.body(), client.get(FEED, key).body(), "review ids are stable");

        Reply empty = client.get(FEED, client.newMerchant("Feedless Shop").apiKey());
        assertEquals(200, empty.status());
        validate(empty.body());
        assertEquals(0, parse(empty.body()).getElementsByTagName("review").getLength(), "another merchant's reviews are not in it");
        assertProblem(client.get(FEED, null), 401);
    }

    @Test
    void theTestSchemaRejectsWhatGoogleWouldReject() {
        String valid = """
                <feed><version>2.4</version><publisher><name>S</name></publisher><reviews><review>
                <reviewer><name>Anonymous</name></reviewer><review_timestamp>2026-01-01T00:00:00Z</review_timestamp>
                <content>%s</content><review_url type="group">https://a.example/p</review_url>
                <ratings><overall min="1" max="5">4</overall></ratings>
                <products><product><product_url>https://a.example/p</product_url></product></products>
                </review></reviews></feed>""";
        validate(valid.formatted("Good"));
        assertThrows(AssertionError.class, () -> validate(valid.formatted(" ")), "content must not be blank");
        assertThrows(AssertionError.class, () -> validate(valid.replace("<version>2.4</version>", "<version>2.3</version>")));
        assertThrows(AssertionError.class, () -> validate(valid.formatted("Good").replace("<ratings>", "<title>t</title><ratings>")),
                "the element order is checked");
    }

    private static void validate(String xml) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.newSchema(GoogleReviewFeedTest.class.getResource("/google/product_reviews_2.4.xsd")).newValidator()
                    .validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        } catch (SAXException | java.io.IOException e) {
            throw new AssertionError("not a valid 2.4 feed: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
