/**
 * Merchant webhooks (outbound, Standard Webhooks): owner of the webhooks and webhook_messages tables. Other features
 * report what happened through {@link org.reviewgateway.gateway.webhook.WebhookEvents}, inside their own transaction;
 * the purge writes its events through the retention job's {@link org.reviewgateway.retention.WebhookOutbox}. The
 * {@link org.reviewgateway.gateway.webhook.WebhookDispatcher} claims due messages with a lease, checks the endpoint's
 * addresses again, signs and posts them, and retries with backoff from the row.
 */
package org.reviewgateway.gateway.webhook;
