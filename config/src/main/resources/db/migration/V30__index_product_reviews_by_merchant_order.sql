-- Google's review feed reads a merchant's product reviews in (order, product) order, a page at a time.
CREATE INDEX ix_product_reviews_feed ON product_reviews (merchant_id, order_id, product_id);
