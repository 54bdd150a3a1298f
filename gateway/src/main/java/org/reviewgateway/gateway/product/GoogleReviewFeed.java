package org.reviewgateway.gateway.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.web.PublicLinks;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Every product review of a merchant as Google's Product Reviews feed, schema 2.4, streamed a page at a time as the
 * client reads (a review per line): memory stays flat for any number of reviews. Reviewers are always
 * {@code Anonymous}; a review id is keyed with the merchant's key, so neither order ids nor transaction ids leave the gateway. A review
 * without a comment says its stars, as the schema requires content; a product without a page of its own links to the shop, else to
 * its public rating.
 */
@Singleton
class GoogleReviewFeed {

    static final String SCHEMA = "http://www.google.com/shopping/reviews/schema/product/2.4/product_reviews.xsd";
    private static final int REVIEWS_PER_CHUNK = 500;
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    /** Characters XML 1.0 cannot carry at all (a pasted control character must not break the whole feed). */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private final DataSource dataSource;
    private final PublicLinks links;
    private final PiiCipher cipher;

    GoogleReviewFeed(DataSource dataSource, PublicLinks links, PiiCipher cipher) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.links = links;
        this.cipher = cipher;
    }

    Flux<byte[]> chunks(Merchant merchant) {
        return Flux.<byte[], Cursor>generate(() -> new Cursor(merchant), this::next)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Cursor next(Cursor cursor, SynchronousSink<byte[]> sink) {
        try {
            if (cursor.done) {
                sink.complete();
                return cursor;
            }
            XMLStreamWriter xml = cursor.xml;
            if (!cursor.started) {
                cursor.started = true;
                start(xml, cursor.merchant);
            }
            int written = writePage(cursor);
            if (written < REVIEWS_PER_CHUNK) {
                if (cursor.anyReview) {
                    xml.writeCharacters("\n");
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndDocument();
                cursor.done = true;
            }
            xml.flush();
            sink.next(cursor.buffer.toByteArray());
            cursor.buffer.reset();
        } catch (SQLException | XMLStreamException e) {
            sink.error(new IllegalStateException("the review feed failed", e));
        }
        return cursor;
    }

    /**
     * The next page of reviews, each page its own short query (keyset on the feed index, in its exact column order so
     * no database sorts): a feed of any length never holds a connection or outlives the statement timeout.
     */
    private int writePage(Cursor cursor) throws SQLException, XMLStreamException {
        List<FeedRow> rows = new ArrayList<>(REVIEWS_PER_CHUNK);
        Map<String, ProductLine> products = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement page = connection.prepareStatement("""
                    SELECT order_id, product_id, rating, comment, created_at FROM product_reviews
                    WHERE merchant_id = ? AND order_id >= ? AND (order_id > ? OR product_id > ?)
                    ORDER BY merchant_id, order_id, product_id
                    LIMIT ?""")) {
                page.setObject(1, cursor.merchant.id());
                page.setLong(2, cursor.afterOrder);
                page.setLong(3, cursor.afterOrder);
                page.setString(4, cursor.afterProduct);
                page.setInt(5, REVIEWS_PER_CHUNK);
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        rows.add(new FeedRow(row.getLong(1), row.getString(2), row.getInt(3), row.getString(4), row.getTimestamp(5).toInstant()));
                    }
                }
            }
            Set<String> ids = new LinkedHashSet<>();
            rows.forEach(row -> ids.add(row.productId()));
            if (!ids.isEmpty()) {
                try (PreparedStatement described = connection.prepareStatement(
                        "SELECT product_id, name, gtin, url FROM products WHERE merchant_id = ? AND product_id IN ("
                                + String.join(",", Collections.nCopies(ids.size(), "?")) + ")")) {
                    described.setObject(1, cursor.merchant.id());
                    int i = 2;
                    for (String id : ids) {
                        described.setString(i++, id);
                    }
                    try (ResultSet product = described.executeQuery()) {
                        while (product.next()) {
                            products.put(product.getString(1), new ProductLine(product.getString(1), product.getString(2), product.getString(3), product.getString(4)));
                        }
                    }
                }
            }
        }
        for (FeedRow row : rows) {
            if (!cursor.anyReview) {
                cursor.anyReview = true;
                cursor.xml.writeStartElement("reviews");
            }
            cursor.xml.writeCharacters("\n");
            review(cursor.xml, cursor.merchant, row, products.get(row.productId()));
            cursor.afterOrder = row.orderId();
            cursor.afterProduct = row.productId();
        }
        return rows.size();
    }

    private record FeedRow(long orderId, String productId, int rating, @Nullable String comment, Instant createdAt) {
    }

    private static void start(XMLStreamWriter xml, Merchant merchant) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation", SCHEMA);
        element(xml, "version", "2.4");
        xml.writeStartElement("publisher");
        element(xml, "name", merchant.shopName());
        xml.writeEndElement();
    }

    /** @param product as the catalogue describes it (every product review's product is in it: the order put it there) */
    private void review(XMLStreamWriter xml, Merchant merchant, FeedRow row, ProductLine product) throws XMLStreamException {
        String productId = row.productId();
        String productUrl = product.url() != null ? product.url()
                : merchant.shopUrl() != null ? merchant.shopUrl() : links.productRating(merchant.id(), productId);
        int rating = row.rating();
        String comment = row.comment();
        xml.writeStartElement("review");
        element(xml, "review_id", HexFormat.of().formatHex(cipher.hmac(merchant.id(), "product-review/" + row.orderId() + "/" + productId), 0, 16));
        xml.writeStartElement("reviewer");
        xml.writeStartElement("name");
        xml.writeAttribute("is_anonymous", "true");
        xml.writeCharacters("Anonymous");
        xml.writeEndElement();
        xml.writeEndElement();
        element(xml, "is_verified_purchase", "true");
        element(xml, "review_timestamp", row.createdAt().toString());
        element(xml, "content", comment == null || comment.isBlank() ? "Rated " + rating + " of 5 stars." : comment);
        xml.writeStartElement("review_url");
        xml.writeAttribute("type", "group");
        xml.writeCharacters(productUrl);
        xml.writeEndElement();
        xml.writeStartElement("ratings");
        xml.writeStartElement("overall");
        xml.writeAttribute("min", "1");
        xml.writeAttribute("max", "5");
        xml.writeCharacters(Integer.toString(rating));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("products");
        xml.writeStartElement("product");
        xml.writeStartElement("product_ids");
        String gtin = product.gtin();
        if (gtin != null) {
            xml.writeStartElement("gtins");
            element(xml, "gtin", gtin);
            xml.writeEndElement();
        }
        xml.writeStartElement("skus");
        element(xml, "sku", productId);
        xml.writeEndElement();
        xml.writeEndElement();
        element(xml, "product_name", product.name());
        element(xml, "product_url", productUrl);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(NOT_XML.matcher(text).replaceAll("\uFFFD"));
        xml.writeEndElement();
    }

    /** Where one feed stands: the XML written so far and the last review read. */
    private static final class Cursor {

        final Merchant merchant;
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 * 1024);
        final XMLStreamWriter xml;
        long afterOrder = -1;
        String afterProduct = "";
        boolean started;
        /** The schema wants no {@code <reviews>} rather than an empty one. */
        boolean anyReview;
        boolean done;

        Cursor(Merchant merchant) throws XMLStreamException {
            this.merchant = merchant;
            this.xml = XML.createXMLStreamWriter(buffer, "UTF-8");
        }
    }
}
