/**
 * The mail port: {@link org.reviewgateway.gateway.mail.MailSender} and its adapters (smtp/, file/), the guards
 * around each send (rate, circuit breaker, reconnect), SMTP reply classes, and the envelope every customer message
 * carries. Knows nothing of orders or templates beyond the rendered message it is given.
 */
package org.reviewgateway.gateway.mail;
