package org.reviewgateway.gateway.template;

import com.samskivert.mustache.Mustache;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.mail.RenderedMessage;

import java.util.Map;

/**
 * Renders checked templates; HTML values are escaped, subject and text are not (they are not markup).
 * Compiled templates are kept by their text, up to {@value #KEPT_CHARS} characters of templates for
 * plain text and as many for HTML: the dispatcher renders the same few templates thousands of times.
 */
@Singleton
public class TemplateRenderer {

    static final long KEPT_CHARS = 2_000_000;

    private final CompiledTemplates plain = new CompiledTemplates(Mustache.compiler().escapeHTML(false).defaultValue(""), KEPT_CHARS);
    private final CompiledTemplates html = new CompiledTemplates(Mustache.compiler().escapeHTML(true).defaultValue(""), KEPT_CHARS);

    public RenderedMessage render(ResolvedTemplate template, Placeholders placeholders) {
        Map<String, String> values = placeholders.values(template.customerNameFallback());
        TemplateContent content = template.content();
        String subject = plain.get(content.subject()).execute(values).replaceAll("[\\r\\n]+", " ");
        String text = plain.get(content.text()).execute(values);
        String htmlBody = content.html() == null ? null : html.get(content.html()).execute(values);
        return new RenderedMessage(subject, text, htmlBody);
    }
}
