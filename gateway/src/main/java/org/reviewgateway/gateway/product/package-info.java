/**
 * Products and product reviews: owner of the products, order_products, product_reviews and product_ratings tables.
 * Orders name their products through {@link org.reviewgateway.gateway.product.Products}; reviews rate them through
 * {@link org.reviewgateway.gateway.product.ProductReviews}, which keeps each product's aggregate current in the
 * review's transaction; the public rating reads that one row.
 */
package org.reviewgateway.gateway.product;
