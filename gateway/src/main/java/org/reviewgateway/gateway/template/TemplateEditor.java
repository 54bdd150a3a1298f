package org.reviewgateway.gateway.template;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.mail.RenderedMessage;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.Problem;

import java.time.Instant;
import java.util.List;

/**
 * Templates as the console edits them: a draft is checked by the same rules as PUT /v1/templates, previewed and
 * test-sent before it is saved.
 */
@Singleton
public class TemplateEditor {

    private final TemplateLibrary library;
    private final TemplatePreview preview;
    private final TemplateResolver resolver;

    TemplateEditor(TemplateLibrary library, TemplatePreview preview, TemplateResolver resolver) {
        this.library = library;
        this.preview = preview;
        this.resolver = resolver;
    }

    /** One of the merchant's own templates. */
    public record Saved(String locale, int version, Instant updatedAt) {
    }

    /** What the editor starts from: the merchant's own template of this locale, else the one customers get now. */
    public record Start(TemplateContent content, boolean own, String usedLocale) {
    }

    public List<Saved> own(Merchant merchant) {
        return library.all(merchant).stream().map(t -> new Saved(t.locale(), t.version(), t.updatedAt())).toList();
    }

    public Start start(Merchant merchant, String locale) {
        ResolvedTemplate current = resolver.resolve(merchant, locale);
        return new Start(current.content(), library.all(merchant).stream().anyMatch(t -> t.locale().equals(locale)), current.locale());
    }

    /** @throws InvalidInputException naming the fields that break a rule; nothing is saved then */
    public int save(Merchant merchant, String locale, TemplateContent draft) {
        return library.save(merchant, locale, draft).version();
    }

    /** @throws InvalidInputException naming the fields that break a rule */
    public RenderedMessage preview(Merchant merchant, String locale, TemplateContent draft) {
        throwIfInvalid(draft);
        return preview.renderDraft(merchant, locale, draft);
    }

    /** @throws InvalidInputException naming the fields that break a rule; nothing is sent then */
    public void testSend(Merchant merchant, String locale, TemplateContent draft, String email) {
        throwIfInvalid(draft);
        preview.testSendDraft(merchant, locale, draft, email);
    }

    /** Back to the built-in template. */
    public void delete(Merchant merchant, String locale) {
        library.delete(merchant, locale);
    }

    private static void throwIfInvalid(TemplateContent draft) {
        List<Problem.FieldError> errors = TemplateSyntax.check(draft);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
