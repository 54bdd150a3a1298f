package org.reviewgateway.gateway.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders checked templates; HTML values are escaped, subject and text are not (they are not markup).
 * Compiled templates are kept by their text (the most recently used {@value #COMPILED_KEPT}): the
 * dispatcher renders the same few templates thousands of times.
 */
@Singleton
public class TemplateRenderer {

    static final int COMPILED_KEPT = 256;

    private final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).defaultValue("");
    private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).defaultValue("");
    private final Map<String, Template> plainCompiled = recentlyUsed();
    private final Map<String, Template> htmlCompiled = recentlyUsed();

    public RenderedMessage render(ResolvedTemplate template, Placeholders placeholders) {
        Map<String, String> values = placeholders.values(template.customerNameFallback());
        TemplateContent content = template.content();
        String subject = compiled(plainCompiled, plain, content.subject()).execute(values).replaceAll("[\\r\\n]+", " ");
        String text = compiled(plainCompiled, plain, content.text()).execute(values);
        String htmlBody = content.html() == null ? null : compiled(htmlCompiled, html, content.html()).execute(values);
        return new RenderedMessage(subject, text, htmlBody);
    }

    private static Template compiled(Map<String, Template> kept, Mustache.Compiler compiler, String source) {
        synchronized (kept) {
            return kept.computeIfAbsent(source, compiler::compile);
        }
    }

    private static Map<String, Template> recentlyUsed() {
        return new LinkedHashMap<>(COMPILED_KEPT, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Template> eldest) {
                return size() > COMPILED_KEPT;
            }
        };
    }
}
