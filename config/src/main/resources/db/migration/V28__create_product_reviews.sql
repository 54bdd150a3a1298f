-- A rating (and optional comment) per product of a reviewed order; the transaction id is kept beside it (anonymous)
-- so a product's reviews page without reading orders.
CREATE TABLE product_reviews (
    order_id       BIGINT        NOT NULL REFERENCES orders (id),
    merchant_id    UUID          NOT NULL,
    product_id     VARCHAR(128)  NOT NULL,
    transaction_id VARCHAR(128)  NOT NULL,
    rating         INT           NOT NULL,
    comment        VARCHAR(2000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX ix_product_reviews_product ON product_reviews (merchant_id, product_id, created_at, order_id);
