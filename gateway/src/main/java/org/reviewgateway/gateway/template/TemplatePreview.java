package org.reviewgateway.gateway.template;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.mail.Envelopes;
import org.reviewgateway.gateway.mail.MailFailure;
import org.reviewgateway.gateway.mail.MailGuard;
import org.reviewgateway.gateway.mail.MailSender;
import org.reviewgateway.gateway.mail.RenderedMessage;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.suppression.OptOutLinks;
import org.reviewgateway.gateway.suppression.Suppressions;
import org.reviewgateway.gateway.web.DomainException;
import org.reviewgateway.gateway.web.PublicLinks;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Renders a template with sample values, on screen (preview) or into a test message. */
@Singleton
class TemplatePreview {

    static final String SAMPLE_TOKEN = "sample-token";
    static final String SAMPLE_TRANSACTION = "SAMPLE-1001";
    static final String TEST_HEADER = "X-Review-Gateway-Test";
    static final int TEST_SENDS_PER_WINDOW = 10;
    static final Duration TEST_SEND_WINDOW = Duration.ofMinutes(10);
    private static final int TEST_UNSUBSCRIBE_TOKEN_BYTES = 18;

    private final TemplateResolver resolver;
    private final TemplateRenderer renderer;
    private final PublicLinks links;
    private final Envelopes envelopes;
    private final MailSender sender;
    private final MailGuard guard;
    private final PiiCipher cipher;
    private final SecretTokens tokens;
    private final Suppressions suppressions;
    private final OptOutLinks optOutLinks;
    private final Clock clock;
    private final RateLimiterRegistry testSendLimits = RateLimiterRegistry.of(RateLimiterConfig.custom()
            .limitForPeriod(TEST_SENDS_PER_WINDOW).limitRefreshPeriod(TEST_SEND_WINDOW).timeoutDuration(Duration.ZERO).build());

    TemplatePreview(TemplateResolver resolver, TemplateRenderer renderer, PublicLinks links,
                    Envelopes envelopes, MailSender sender, MailGuard guard, PiiCipher cipher, SecretTokens tokens,
                    Suppressions suppressions, OptOutLinks optOutLinks, Clock clock) {
        this.resolver = resolver;
        this.renderer = renderer;
        this.links = links;
        this.envelopes = envelopes;
        this.sender = sender;
        this.guard = guard;
        this.cipher = cipher;
        this.tokens = tokens;
        this.suppressions = suppressions;
        this.optOutLinks = optOutLinks;
        this.clock = clock;
    }

    RenderedMessage render(Merchant merchant, String locale, @Nullable String customerName) {
        return render(merchant, resolver.resolve(merchant, locale), customerName, links.unsubscribeLink(SAMPLE_TOKEN));
    }

    /** A draft as a customer of this locale would read it: its own words, the locale's fallback for a missing name. */
    RenderedMessage renderDraft(Merchant merchant, String locale, TemplateContent draft) {
        return render(merchant, draft(merchant, locale, draft), null, links.unsubscribeLink(SAMPLE_TOKEN));
    }

    private ResolvedTemplate draft(Merchant merchant, String locale, TemplateContent draft) {
        return new ResolvedTemplate(locale, draft, resolver.resolve(merchant, locale).customerNameFallback());
    }

    private RenderedMessage render(Merchant merchant, ResolvedTemplate template, @Nullable String customerName, String unsubscribeLink) {
        return renderer.render(template, Placeholders.of(merchant, customerName, links.reviewLink(SAMPLE_TOKEN), unsubscribeLink,
                SAMPLE_TRANSACTION));
    }

    /**
     * One test message, as the customer would get it, to an address that is not stored: refused when the address
     * opted out of (or bounced for) this shop, at most {@link #TEST_SENDS_PER_WINDOW} per merchant in
     * {@link #TEST_SEND_WINDOW}. Its unsubscribe link works like any other (an opt-out record, no address).
     */
    void testSend(Merchant merchant, String locale, String email) {
        testSend(merchant, email, () -> resolver.resolve(merchant, locale));
    }

    /** The same, from a draft not saved yet. */
    void testSendDraft(Merchant merchant, String locale, TemplateContent draft, String email) {
        testSend(merchant, email, () -> draft(merchant, locale, draft));
    }

    private void testSend(Merchant merchant, String email, Supplier<ResolvedTemplate> chosen) {
        byte[] addressHash = cipher.addressHash(merchant.id(), email);
        if (suppressions.isSuppressed(merchant.id(), cipher.addressHashes(merchant.id(), email))) {
            throw new DomainException(DomainException.Condition.CONFLICT, "urn:review-gateway:problem:address-suppressed",
                    "This address opted out of this shop's e-mails or bounced; no test message was sent.");
        }
        if (!testSendLimits.rateLimiter(merchant.id().toString()).acquirePermission()) {
            throw new TestSendsExhaustedException();
        }
        String token = tokens.newToken(TEST_UNSUBSCRIBE_TOKEN_BYTES);
        optOutLinks.record(SecretTokens.hash(token), merchant.id(), addressHash, null, clock.instant());
        String unsubscribeLink = links.unsubscribeLink(token);
        ResolvedTemplate template = chosen.get();
        RenderedMessage sample = render(merchant, template, null, unsubscribeLink);
        RenderedMessage marked = new RenderedMessage("[Test] " + sample.subject(), sample.text(), sample.html());
        try (MailSender.Connection connection = sender.openConnection()) {
            guard.send(connection, envelopes.toCustomer("test-" + UUID.randomUUID(), merchant, email, marked, template.locale(),
                    unsubscribeLink, Map.of(TEST_HEADER, "true")));
        } catch (CallNotPermittedException paused) {
            throw new DomainException(DomainException.Condition.UNAVAILABLE, "urn:review-gateway:problem:mail-paused",
                    "Sending is paused because the mail server keeps failing; try again shortly.");
        } catch (MailFailure failure) {
            throw new DomainException(DomainException.Condition.REFUSED_UPSTREAM, "urn:review-gateway:problem:mail-refused",
                    "The mail server did not accept the test message: " + failure.getMessage() + ".");
        }
    }
}
