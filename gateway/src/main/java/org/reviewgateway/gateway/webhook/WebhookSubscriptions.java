package org.reviewgateway.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.Problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A merchant's webhook endpoints as the console manages them, by the same rules as POST /v1/webhooks. */
@Singleton
public class WebhookSubscriptions {

    private final Webhooks webhooks;
    private final WebhookTargets targets;

    WebhookSubscriptions(Webhooks webhooks, WebhookTargets targets) {
        this.webhooks = webhooks;
        this.targets = targets;
    }

    /** An endpoint as its merchant sees it: never its secret. */
    public record View(String id, String url, List<String> events, Instant createdAt, @Nullable Integer lastStatus,
                       @Nullable Instant lastAttemptAt) {
    }

    /** A new endpoint and its secret, shown this once. */
    public record Created(View webhook, String secret) {

        @Override
        public String toString() {
            return "Created[" + webhook + "]";
        }
    }

    public static List<String> eventNames() {
        return Arrays.stream(WebhookEvent.values()).map(WebhookEvent::wire).toList();
    }

    public List<View> all(Merchant merchant) {
        return webhooks.all(merchant).stream().map(WebhookSubscriptions::view).toList();
    }

    /**
     * @throws InvalidInputException naming the fields that break a rule (url, events); nothing is made then
     * @throws org.reviewgateway.gateway.web.DomainException (limited) when the merchant has its {@value Webhooks#LIMIT} endpoints already
     */
    public Created create(Merchant merchant, String url, List<String> eventNames) {
        List<Problem.FieldError> mistakes = new ArrayList<>();
        urlMistake(url).ifPresent(reason -> mistakes.add(new Problem.FieldError("url", reason)));
        List<WebhookEvent> events = new ArrayList<>();
        for (String name : eventNames) {
            Optional<WebhookEvent> event = WebhookEvent.of(name);
            if (event.isEmpty()) {
                mistakes.add(new Problem.FieldError("events", "must be among " + String.join(", ", eventNames())));
            } else if (!events.contains(event.get())) {
                events.add(event.get());
            }
        }
        if (eventNames.isEmpty()) {
            mistakes.add(new Problem.FieldError("events", "choose at least one event"));
        }
        if (!mistakes.isEmpty()) {
            throw new InvalidInputException(mistakes);
        }
        Webhooks.Created created = webhooks.create(merchant, url, events);
        return new Created(view(created.webhook()), created.secret());
    }

    /** @throws NotFoundException when the merchant has no such endpoint */
    public void delete(Merchant merchant, String id) {
        webhooks.delete(merchant, id);
    }

    private Optional<String> urlMistake(String url) {
        if (url.isBlank()) {
            return Optional.of("is required: the https address that should receive the events");
        }
        if (url.length() > WebhookTargets.MAX_URL_LENGTH) {
            return Optional.of("must be at most " + WebhookTargets.MAX_URL_LENGTH + " characters");
        }
        if (url.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must be a single line of text");
        }
        return targets.refusal(url);
    }

    private static View view(Webhook w) {
        return new View(w.id(), w.url(), w.eventNames(), w.createdAt(), w.lastStatus(), w.lastAttemptAt());
    }
}
