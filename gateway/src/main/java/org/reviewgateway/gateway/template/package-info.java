/** Merchant templates (owner of the templates table), their checks, lookup, rendering, preview and test messages. */
package org.reviewgateway.gateway.template;
