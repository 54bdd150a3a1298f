package org.reviewgateway.gateway.template;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.dispatch.InvitationComposer;
import org.reviewgateway.gateway.dispatch.MailFailure;
import org.reviewgateway.gateway.dispatch.MailGuard;
import org.reviewgateway.gateway.dispatch.MailSender;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.ProblemException;
import org.reviewgateway.gateway.web.PublicLinks;

/** Renders a template with sample values, on screen (preview) or into a test message. */
@Singleton
class TemplatePreview {

    static final String SAMPLE_TOKEN = "sample-token";
    static final String SAMPLE_TRANSACTION = "SAMPLE-1001";

    private final TemplateResolver resolver;
    private final TemplateRenderer renderer;
    private final PublicLinks links;
    private final InvitationComposer composer;
    private final MailSender sender;
    private final MailGuard guard;

    TemplatePreview(TemplateResolver resolver, TemplateRenderer renderer, PublicLinks links,
                    InvitationComposer composer, MailSender sender, MailGuard guard) {
        this.resolver = resolver;
        this.renderer = renderer;
        this.links = links;
        this.composer = composer;
        this.sender = sender;
        this.guard = guard;
    }

    RenderedMessage render(Merchant merchant, String locale, @Nullable String customerName) {
        return renderer.render(resolver.resolve(merchant, locale), new Placeholders(merchant.shopName(), customerName,
                links.reviewLink(SAMPLE_TOKEN), links.unsubscribeLink(SAMPLE_TOKEN), SAMPLE_TRANSACTION));
    }

    void testSend(Merchant merchant, String locale, String email) {
        try (MailSender.Connection connection = sender.openConnection()) {
            guard.send(connection, composer.composeTest(merchant, render(merchant, locale, null), email));
        } catch (CallNotPermittedException paused) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "urn:review-gateway:problem:mail-paused",
                    "Sending is paused because the mail server keeps failing; try again shortly.");
        } catch (MailFailure failure) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "urn:review-gateway:problem:mail-refused",
                    "The mail server did not accept the test message: " + failure.getMessage() + ".");
        }
    }
}
