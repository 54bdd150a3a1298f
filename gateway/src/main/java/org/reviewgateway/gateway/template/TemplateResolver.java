package org.reviewgateway.gateway.template;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.web.CustomerTexts;
import org.reviewgateway.gateway.merchant.Merchant;

import java.util.List;
import java.util.Optional;

/**
 * Picks the template for a message; the customer's language wins: the merchant's own for the exact locale, then for
 * its language, then the built-in one in that language, then the merchant's own for its default locale, then
 * built-in English.
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
        if (locale != null) {
            for (String candidate : List.of(locale, Locales.language(locale))) {
                Optional<ResolvedTemplate> own = own(merchant, candidate);
                if (own.isPresent()) {
                    return own.get();
                }
            }
            Optional<TemplateContent> inLanguage = builtIn.find(Locales.language(locale));
            if (inLanguage.isPresent()) {
                return resolved(Locales.language(locale), inLanguage.get());
            }
        }
        for (String candidate : List.of(merchant.defaultLocale(), Locales.language(merchant.defaultLocale()))) {
            Optional<ResolvedTemplate> own = own(merchant, candidate);
            if (own.isPresent()) {
                return own.get();
            }
        }
        if (locale == null) {
            Optional<TemplateContent> inDefaultLanguage = builtIn.find(Locales.language(merchant.defaultLocale()));
            if (inDefaultLanguage.isPresent()) {
                return resolved(Locales.language(merchant.defaultLocale()), inDefaultLanguage.get());
            }
        }
        return resolved(CustomerTexts.ENGLISH, builtIn.find(CustomerTexts.ENGLISH).orElseThrow());
    }

    private Optional<ResolvedTemplate> own(Merchant merchant, String locale) {
        return templates.findByMerchantIdAndLocale(merchant.id(), locale).map(t -> resolved(locale, t.content()));
    }

    private ResolvedTemplate resolved(String locale, TemplateContent content) {
        return new ResolvedTemplate(locale, content, builtIn.customerNameFallback(locale));
    }
}
