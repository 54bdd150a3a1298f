package org.reviewgateway.gateway.template;

import com.samskivert.mustache.Mustache;
import jakarta.inject.Singleton;

import java.util.Map;

/** Renders checked templates; HTML values are escaped, subject and text are not (they are not markup). */
@Singleton
public class TemplateRenderer {

    private final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).defaultValue("");
    private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).defaultValue("");

    public RenderedMessage render(ResolvedTemplate template, Placeholders placeholders) {
        Map<String, String> values = placeholders.values(template.customerNameFallback());
        TemplateContent content = template.content();
        String subject = plain.compile(content.subject()).execute(values).replaceAll("[\\r\\n]+", " ");
        String text = plain.compile(content.text()).execute(values);
        String htmlBody = content.html() == null ? null : html.compile(content.html()).execute(values);
        return new RenderedMessage(subject, text, htmlBody);
    }
}
