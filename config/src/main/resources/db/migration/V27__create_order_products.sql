-- Which products an order holds, in the order the shop listed them.
CREATE TABLE order_products (
    order_id    BIGINT       NOT NULL REFERENCES orders (id),
    merchant_id UUID         NOT NULL,
    product_id  VARCHAR(128) NOT NULL,
    position    INT          NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
