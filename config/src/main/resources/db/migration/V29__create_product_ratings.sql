-- Each product's rating aggregate, kept current in the review's transaction: the public rating reads one row.
CREATE TABLE product_ratings (
    merchant_id  UUID         NOT NULL,
    product_id   VARCHAR(128) NOT NULL,
    rating_sum   BIGINT       NOT NULL,
    review_count BIGINT       NOT NULL,
    PRIMARY KEY (merchant_id, product_id)
);
