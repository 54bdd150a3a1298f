package org.reviewgateway.gateway.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled templates kept by their text, most recently used first, bounded by the total length of the
 * texts kept (templates may be up to 200 000 characters each, so a count alone would not bound memory).
 */
final class CompiledTemplates {

    private final Mustache.Compiler compiler;
    private final long maxChars;
    private final LinkedHashMap<String, Template> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long keptChars;

    CompiledTemplates(Mustache.Compiler compiler, long maxChars) {
        this.compiler = compiler;
        this.maxChars = maxChars;
    }

    synchronized Template get(String source) {
        Template template = kept.get(source);
        if (template != null) {
            return template;
        }
        template = compiler.compile(source);
        if (source.length() <= maxChars) {
            kept.put(source, template);
            keptChars += source.length();
            for (Iterator<Map.Entry<String, Template>> eldest = kept.entrySet().iterator(); keptChars > maxChars && eldest.hasNext(); ) {
                keptChars -= eldest.next().getKey().length();
                eldest.remove();
            }
        }
        return template;
    }

    synchronized long keptChars() {
        return keptChars;
    }

    synchronized int size() {
        return kept.size();
    }
}
