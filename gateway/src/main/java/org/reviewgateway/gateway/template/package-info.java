/** Merchant templates (owner of the templates table), their checks, lookup, rendering, preview and test messages (sent through the mail port). */
package org.reviewgateway.gateway.template;
