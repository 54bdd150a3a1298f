-- A merchant's products, once each, as its orders last described them: anonymous catalogue data.
CREATE TABLE products (
    merchant_id UUID          NOT NULL REFERENCES merchants (id),
    product_id  VARCHAR(128)  NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    gtin        VARCHAR(14),
    url         VARCHAR(2048),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (merchant_id, product_id)
);
