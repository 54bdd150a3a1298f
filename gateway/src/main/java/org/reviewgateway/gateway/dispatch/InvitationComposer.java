package org.reviewgateway.gateway.dispatch;

import jakarta.inject.Singleton;
import org.reviewgateway.config.MailConfiguration;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.privacy.UnsubscribeTokens;
import org.reviewgateway.gateway.template.Placeholders;
import org.reviewgateway.gateway.template.RenderedMessage;
import org.reviewgateway.gateway.template.ResolvedTemplate;
import org.reviewgateway.gateway.template.TemplateRenderer;
import org.reviewgateway.gateway.web.PublicLinks;

import java.util.Map;
import java.util.UUID;

/** Turns a delivery and its resolved template into the message the customer gets: text, links and headers. */
@Singleton
public class InvitationComposer {

    static final Map<String, String> REMINDER_PREFIX = Map.of("de", "Erinnerung: ", "en", "Reminder: ");
    static final String TEST_HEADER = "X-Review-Gateway-Test";

    private final PiiCipher cipher;
    private final UnsubscribeTokens unsubscribeTokens;
    private final TemplateRenderer renderer;
    private final PublicLinks links;
    private final MailConfiguration mail;

    InvitationComposer(PiiCipher cipher, UnsubscribeTokens unsubscribeTokens, TemplateRenderer renderer, PublicLinks links,
                       MailConfiguration mail) {
        this.cipher = cipher;
        this.unsubscribeTokens = unsubscribeTokens;
        this.renderer = renderer;
        this.links = links;
        this.mail = mail;
    }

    /** {@code template}: the merchant's template for the order's locale (the dispatcher looks it up once per batch). */
    OutgoingMail compose(Dispatchable d, ResolvedTemplate template) {
        String email = cipher.decrypt(d.recipient().emailCipher());
        String name = d.recipient().nameCipher() == null ? null : cipher.decrypt(d.recipient().nameCipher());
        String unsubscribeLink = links.unsubscribeLink(unsubscribeTokens.forOrder(d.order().id()));
        RenderedMessage rendered = renderer.render(template, new Placeholders(d.merchant().shopName(), name,
                links.reviewLink(cipher.decrypt(d.order().reviewTokenSealed())), unsubscribeLink, d.order().transactionId()));
        if (!d.invite()) {
            String prefix = REMINDER_PREFIX.getOrDefault(template.locale().split("-")[0], REMINDER_PREFIX.get("en"));
            rendered = new RenderedMessage(prefix + rendered.subject(), rendered.text(), rendered.html());
        }
        String messageId = "<delivery-" + d.delivery().id() + "." + d.delivery().createdAt().toEpochMilli() + "@" + domain() + ">";
        return new OutgoingMail(messageId, mail.from(), d.merchant().senderName(), d.merchant().replyTo(), email, rendered,
                Map.of("List-Unsubscribe", "<" + unsubscribeLink + ">",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                        "Auto-Submitted", "auto-generated"));
    }

    /** A one-off message from a template with sample values, marked as a test; the address is not stored. */
    public OutgoingMail composeTest(Merchant merchant, RenderedMessage sample, String email, String unsubscribeLink) {
        RenderedMessage marked = new RenderedMessage("[Test] " + sample.subject(), sample.text(), sample.html());
        return new OutgoingMail("<test-" + UUID.randomUUID() + "@" + domain() + ">", mail.from(), merchant.senderName(),
                merchant.replyTo(), email, marked, Map.of(TEST_HEADER, "true", "Auto-Submitted", "auto-generated",
                "List-Unsubscribe", "<" + unsubscribeLink + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    private String domain() {
        return mail.from().substring(mail.from().indexOf('@') + 1);
    }
}
