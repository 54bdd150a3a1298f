package org.reviewgateway.gateway.dispatch;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.mail.Envelopes;
import org.reviewgateway.gateway.mail.OutgoingMail;
import org.reviewgateway.gateway.mail.RenderedMessage;
import org.reviewgateway.gateway.privacy.AddressHashes;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.privacy.UnsubscribeTokens;
import org.reviewgateway.gateway.template.Placeholders;
import org.reviewgateway.gateway.template.ResolvedTemplate;
import org.reviewgateway.gateway.template.TemplateRenderer;
import org.reviewgateway.gateway.web.CustomerTexts;
import org.reviewgateway.gateway.web.PublicLinks;

import java.util.Map;

/** Turns a delivery and its resolved template into the message the customer gets: text, links and headers. */
@Singleton
public class InvitationComposer {

    private final PiiCipher cipher;
    private final UnsubscribeTokens unsubscribeTokens;
    private final TemplateRenderer renderer;
    private final PublicLinks links;
    private final Envelopes envelopes;
    private final CustomerTexts texts;

    InvitationComposer(PiiCipher cipher, UnsubscribeTokens unsubscribeTokens, TemplateRenderer renderer, PublicLinks links,
                       Envelopes envelopes, CustomerTexts texts) {
        this.texts = texts;
        this.cipher = cipher;
        this.unsubscribeTokens = unsubscribeTokens;
        this.renderer = renderer;
        this.links = links;
        this.envelopes = envelopes;
    }

    /**
     * The address's hashes as the merchant's keys give them now, whatever the stored row was hashed with: an opt-out
     * recorded under either counts (a recipient sealed before its merchant moved to a data key, or one after).
     */
    AddressHashes addressHashesOf(Dispatchable d) {
        return cipher.addressHashes(d.merchant().id(), cipher.decrypt(d.merchant().id(), d.recipient().emailCipher()));
    }

    /** {@code template}: the merchant's template for the order's locale (the dispatcher looks it up once per batch). */
    OutgoingMail compose(Dispatchable d, ResolvedTemplate template) {
        String email = cipher.decrypt(d.merchant().id(), d.recipient().emailCipher());
        String name = d.recipient().nameCipher() == null ? null : cipher.decrypt(d.merchant().id(), d.recipient().nameCipher());
        String unsubscribeLink = links.unsubscribeLink(unsubscribeTokens.forRecipient(d.merchant().id(), d.order().id(), d.recipient().keyId()));
        RenderedMessage rendered = renderer.render(template, Placeholders.of(d.merchant(), name,
                links.reviewLink(cipher.decrypt(d.merchant().id(), d.order().reviewTokenSealed())), unsubscribeLink, d.order().transactionId()));
        if (!d.invite()) {
            String prefix = texts.text(CustomerTexts.languageOf(template.locale()), "mail.reminderPrefix");
            rendered = new RenderedMessage(prefix + " " + rendered.subject(), rendered.text(), rendered.html());
        }
        return envelopes.toCustomer("delivery-" + d.delivery().id() + "." + d.delivery().createdAt().toEpochMilli(), d.merchant(),
                email, rendered, template.locale(), unsubscribeLink, Map.of());
    }
}
