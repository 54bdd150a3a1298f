/** Sending: the dispatcher and its guards, the outcome rules (bounce classes, backoff), the mail port and its adapters (smtp/, file/). It owns no table: it asks the outbox, the order lifecycle and suppressions. */
package org.reviewgateway.gateway.dispatch;
