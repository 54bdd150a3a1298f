/**
 * Shop connectors: Shopify and WooCommerce post their own order webhooks here. Owner of the connectors table (the
 * shop's signing secret sealed). A webhook's raw body is verified first, then projected to the few fields the
 * merchant's delivery mode needs and dropped; what it asks for goes through {@link org.reviewgateway.gateway.order.ShopOrders},
 * the same ingestion, cancel and erasure the API uses.
 */
package org.reviewgateway.gateway.connector;
