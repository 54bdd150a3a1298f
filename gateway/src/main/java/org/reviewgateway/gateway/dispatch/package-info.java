/**
 * Sending invitations and reminders: the dispatcher, its schedule and the outcome rules (backoff, bounce
 * handling). It owns no table: it asks the outbox, the order lifecycle and suppressions, and sends through the
 * mail port.
 */
package org.reviewgateway.gateway.dispatch;
