package org.reviewgateway.gateway.mail;

import jakarta.inject.Singleton;
import org.reviewgateway.config.MailConfiguration;
import org.reviewgateway.gateway.merchant.Merchant;

import java.util.HashMap;
import java.util.Map;

/**
 * What every message to a customer carries around its content: our From address under the shop's name, the shop's
 * Reply-To, a Message-ID in our domain, one-click unsubscribe (RFC 8058) and Auto-Submitted (RFC 3834).
 */
@Singleton
public class Envelopes {

    private final MailConfiguration mail;

    Envelopes(MailConfiguration mail) {
        this.mail = mail;
    }

    /**
     * @param localPart the Message-ID before the domain, unique per message (a delivery's is stable across retries)
     * @param language  the locale the content is written in (Content-Language)
     */
    public OutgoingMail toCustomer(String localPart, Merchant merchant, String email, RenderedMessage content, String language,
                                   String unsubscribeLink, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("Content-Language", language);
        headers.put("List-Unsubscribe", "<" + unsubscribeLink + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        return new OutgoingMail("<" + localPart + "@" + domain() + ">", mail.from(), merchant.senderName(),
                merchant.replyTo(), email, content, Map.copyOf(headers));
    }

    private String domain() {
        return mail.from().substring(mail.from().indexOf('@') + 1);
    }
}
