package org.reviewgateway.gateway.template;

/**
 * The template chosen for a message, and what {{customerName}} says when the shop sent no name
 * (in the template's language).
 */
public record ResolvedTemplate(String locale, TemplateContent content, String customerNameFallback) {
}
