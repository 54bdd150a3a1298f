package org.reviewgateway.gateway.template;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.Problem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A merchant's own templates: checked before they are stored, versioned on every save. */
@Singleton
class TemplateLibrary {

    private final TemplateRepository templates;
    private final Clock clock;

    TemplateLibrary(TemplateRepository templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    Template save(Merchant merchant, String locale, TemplateContent content) {
        List<Problem.FieldError> errors = TemplateSyntax.check(content);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 0; ; attempt++) {
            var existing = templates.findByMerchantIdAndLocale(merchant.id(), locale);
            try {
                return existing
                        .map(t -> templates.update(new Template(t.id(), t.merchantId(), locale, t.version() + 1,
                                content.subject(), content.text(), content.html(), now)))
                        .orElseGet(() -> templates.save(new Template(null, merchant.id(), locale, 1,
                                content.subject(), content.text(), content.html(), now)));
            } catch (DataAccessException concurrentFirstSave) {
                if (attempt > 0) {
                    throw concurrentFirstSave;
                }
            }
        }
    }

    Template find(Merchant merchant, String locale) {
        return templates.findByMerchantIdAndLocale(merchant.id(), locale)
                .orElseThrow(() -> new NotFoundException("No template of yours for locale " + locale + "; the built-in one applies."));
    }

    List<Template> all(Merchant merchant) {
        return templates.findByMerchantIdOrderByLocale(merchant.id());
    }

    void delete(Merchant merchant, String locale) {
        if (templates.deleteByMerchantIdAndLocale(merchant.id(), locale) == 0) {
            throw new NotFoundException("No template of yours for locale " + locale + ".");
        }
    }
}
