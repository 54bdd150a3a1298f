/**
 * Orders: ingestion, the order view and export, and the owner of the orders and recipients tables:
 * {@link org.reviewgateway.gateway.order.OrderLifecycle} (every status change, a state machine over
 * {@link org.reviewgateway.gateway.order.OrderStatus}), {@link org.reviewgateway.gateway.order.OrderLookup} (reads
 * for other features), {@link org.reviewgateway.gateway.order.PersonalDataErasure} (data-subject rights, through
 * the one eraser of the retention job). The order view shows a review through
 * {@link org.reviewgateway.gateway.order.ReviewsOfOrders}, which the review feature implements.
 */
package org.reviewgateway.gateway.order;
