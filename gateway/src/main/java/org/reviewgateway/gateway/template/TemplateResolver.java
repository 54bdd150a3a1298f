package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;

import java.util.Optional;
import java.util.Set;

/**
 * Picks the template for a message: the merchant's own by exact locale, language, then default
 * locale; else the built-in one in the same order; else built-in English.
 */
@Singleton
public class TemplateResolver {

    private final TemplateRepository templates;
    private final BuiltInTemplates builtIn;

    TemplateResolver(TemplateRepository templates, BuiltInTemplates builtIn) {
        this.templates = templates;
        this.builtIn = builtIn;
    }

    public ResolvedTemplate resolve(Merchant merchant, @Nullable String locale) {
        Set<String> order = Locales.lookupOrder(locale, merchant.defaultLocale());
        for (String candidate : order) {
            Optional<Template> own = templates.findByMerchantIdAndLocale(merchant.id(), candidate);
            if (own.isPresent()) {
                return resolved(candidate, own.get().content());
            }
        }
        for (String candidate : order) {
            Optional<TemplateContent> fallback = builtIn.find(candidate);
            if (fallback.isPresent()) {
                return resolved(candidate, fallback.get());
            }
        }
        return resolved(BuiltInTemplates.ENGLISH, builtIn.find(BuiltInTemplates.ENGLISH).orElseThrow());
    }

    private static ResolvedTemplate resolved(String locale, TemplateContent content) {
        return new ResolvedTemplate(locale, content, BuiltInTemplates.customerNameFallback(locale));
    }
}
