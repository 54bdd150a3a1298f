/** The outbox: owner of the deliveries table. {@link org.reviewgateway.gateway.outbox.Outbox} plans, cancels and records; {@link org.reviewgateway.gateway.outbox.DeliveryClaims} and {@link org.reviewgateway.gateway.outbox.ClaimLeases} hand due deliveries to one dispatcher at a time. */
package org.reviewgateway.gateway.outbox;
