package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.Problem;
import org.reviewgateway.gateway.web.PublicLinks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Setting up a shop connector: the rules of PUT /v1/connectors in one place, for the API and the console. */
@Singleton
public class ConnectorSetup {

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;

    private final Connectors connectors;
    private final PublicLinks links;

    ConnectorSetup(Connectors connectors, PublicLinks links) {
        this.connectors = connectors;
        this.links = links;
    }

    /** A connector as its merchant sees it: never its secret. */
    public record View(String platform, String webhookUrl, String delivery, String trigger, Instant updatedAt, @Nullable Instant lastReceivedAt) {
    }

    /** A platform and the order states that may trigger its invitations, the default first. */
    public record Choice(String platform, List<String> triggers) {
    }

    public static List<Choice> platforms() {
        return Arrays.stream(Platform.values()).map(p -> {
            List<String> triggers = new ArrayList<>(List.of(p.defaultTrigger));
            p.triggers.stream().filter(t -> !t.equals(p.defaultTrigger)).forEach(triggers::add);
            return new Choice(p.wire(), triggers);
        }).toList();
    }

    /** The rule each field of a change breaks, if any (a secret required on creation is checked on saving). */
    static List<Problem.FieldError> mistakes(Platform platform, Connectors.Change change) {
        List<Problem.FieldError> mistakes = new ArrayList<>();
        if (change.secret() != null && (change.secret().length() < MIN_SECRET || change.secret().length() > MAX_SECRET)) {
            mistakes.add(new Problem.FieldError("secret", "must be " + MIN_SECRET + "-" + MAX_SECRET + " characters (the shop's webhook signing secret)"));
        }
        if (change.delivery() != null && !change.delivery().equals(Connector.DELEGATED) && !change.delivery().equals(Connector.SELF)) {
            mistakes.add(new Problem.FieldError("delivery", "must be \"delegated\" or \"self\""));
        }
        if (change.trigger() != null && !platform.triggers.contains(change.trigger())) {
            mistakes.add(new Problem.FieldError("trigger", "must be one of " + String.join(", ", platform.triggers) + " for " + platform.wire()));
        }
        return mistakes;
    }

    public List<View> all(Merchant merchant) {
        return connectors.all(merchant).stream().map(this::view).toList();
    }

    /**
     * Creates or changes the platform's connector; a null field keeps what is stored.
     *
     * @throws InvalidInputException naming the fields that break a rule; nothing is saved then
     * @throws NotFoundException     for a platform the gateway does not know
     */
    public View put(Merchant merchant, String platform, @Nullable String secret, @Nullable String delivery, @Nullable String trigger) {
        Platform p = platform(platform);
        Connectors.Change change = new Connectors.Change(secret, delivery, trigger);
        List<Problem.FieldError> mistakes = mistakes(p, change);
        if (!mistakes.isEmpty()) {
            throw new InvalidInputException(mistakes);
        }
        return view(connectors.put(merchant, p, change));
    }

    /** @throws NotFoundException when the merchant has no such connector */
    public void delete(Merchant merchant, String platform) {
        connectors.delete(merchant, platform(platform));
    }

    View view(Connector c) {
        return new View(c.platform().wire(), links.hookUrl(c.platform().wire(), c.id()), c.delivery(), c.triggerStatus(),
                c.updatedAt(), c.lastReceivedAt());
    }

    static Platform platform(String platform) {
        return Platform.of(platform).orElseThrow(() -> new NotFoundException("There is no such platform; the platforms are shopify and woocommerce."));
    }
}
