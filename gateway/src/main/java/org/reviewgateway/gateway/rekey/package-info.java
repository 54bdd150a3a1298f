/**
 * Moves merchants created before per-merchant data keys to a data key of their own, while the gateway serves. The one
 * place that rewrites sealed columns of other features' tables (recipients, orders, connectors), as the retention job's
 * eraser is the one place that ends personal data, so that no feature carries migration code.
 */
package org.reviewgateway.gateway.rekey;
