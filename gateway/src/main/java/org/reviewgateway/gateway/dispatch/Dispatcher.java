package org.reviewgateway.gateway.dispatch;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import jakarta.inject.Singleton;
import org.reviewgateway.config.DispatchConfiguration;
import org.reviewgateway.gateway.mail.MailFailure;
import org.reviewgateway.gateway.mail.MailGuard;
import org.reviewgateway.gateway.mail.MailSender;
import org.reviewgateway.gateway.mail.OutgoingMail;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.order.Order;
import org.reviewgateway.gateway.order.OrderLookup;
import org.reviewgateway.gateway.order.OrderStatus;
import org.reviewgateway.gateway.outbox.ClaimLeases;
import org.reviewgateway.gateway.outbox.Delivery;
import org.reviewgateway.gateway.outbox.DeliveryClaims;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.suppression.Suppressions;
import org.reviewgateway.gateway.template.ResolvedTemplate;
import org.reviewgateway.gateway.template.TemplateResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends what is due: claims a batch, then for each delivery runs the guards (still open, data still
 * held, reminder still wanted, address not suppressed), sends through the mail guard, and records
 * the outcome at once (a message handed to the mail server and not yet recorded is all a crash can send
 * twice). The claim is renewed while the batch is worked; runs until nothing is due, sending pauses, or
 * the claim can no longer be renewed.
 */
@Singleton
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryClaims claims;
    private final ClaimLeases leases;
    private final Outbox deliveries;
    private final DeliveryOutcomes outcomes;
    private final OrderLookup orders;
    private final MerchantAccounts merchants;
    private final Suppressions suppressions;
    private final InvitationComposer composer;
    private final TemplateResolver templates;
    private final MailSender sender;
    private final MailGuard guard;
    private final DispatchMetrics metrics;
    private final DispatchConfiguration configuration;
    private final Clock clock;
    private final String instance = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);

    Dispatcher(DeliveryClaims claims, ClaimLeases leases, Outbox deliveries, DeliveryOutcomes outcomes, OrderLookup orders,
               MerchantAccounts merchants, Suppressions suppressions,
               InvitationComposer composer, TemplateResolver templates, MailSender sender, MailGuard guard, DispatchMetrics metrics,
               DispatchConfiguration configuration, Clock clock) {
        this.claims = claims;
        this.leases = leases;
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.orders = orders;
        this.merchants = merchants;
        this.suppressions = suppressions;
        this.composer = composer;
        this.templates = templates;
        this.sender = sender;
        this.guard = guard;
        this.metrics = metrics;
        this.configuration = configuration;
        this.clock = clock;
    }

    public DispatchReport dispatchDue() {
        DispatchReport report = new DispatchReport();
        boolean more = true;
        while (more && !guard.sendingPaused()) {
            String claim = instance + ":" + UUID.randomUUID();
            List<Delivery> batch = claims.claim(claim, clock.instant(), configuration.batchSize(), configuration.lease());
            if (batch.isEmpty()) {
                break;
            }
            boolean finished = dispatchBatch(batch, claim, report);
            more = finished && batch.size() == configuration.batchSize();
        }
        if (report.total() > 0) {
            LOG.info("Dispatch run: {}", report);
        }
        return report;
    }

    /** What one claimed batch shares: its claim and SMTP connection, its merchants and templates (read once per batch). */
    private record Batch(String claim, MailSender.Connection connection, Map<UUID, Merchant> merchants,
                         Map<String, ResolvedTemplate> templates) {
    }

    /** @return whether the whole batch was worked through (and so more may be due) */
    private boolean dispatchBatch(List<Delivery> claimed, String claim, DispatchReport report) {
        ClaimLeases.ClaimRenewal renewal = leases.keep(claim);
        try (MailSender.Connection connection = sender.openConnection()) {
            Batch batch = new Batch(claim, connection, new HashMap<>(), new HashMap<>());
            for (Delivery delivery : claimed) {
                if (!renewal.holds()) {
                    return false;
                }
                DispatchOutcome outcome = dispatchOne(delivery, batch);
                report.add(outcome);
                metrics.count(outcome);
                if (outcome == DispatchOutcome.PAUSED) {
                    return false;
                }
            }
            return true;
        } finally {
            renewal.close();
            claims.release(claim);
        }
    }

    private DispatchOutcome dispatchOne(Delivery claimed, Batch batch) {
        String claim = batch.claim();
        Optional<Dispatchable> loaded = load(claimed, batch.merchants());
        if (loaded.isEmpty()) {
            return DispatchOutcome.CANCELLED;
        }
        Dispatchable d = loaded.get();
        Instant now = clock.instant();
        if (d.recipient() == null) {
            outcomes.cancelled(d, claim, false, "personal data no longer held", now);
            return DispatchOutcome.CANCELLED;
        }
        if (!d.invite() && d.order().status() == OrderStatus.REVIEWED) {
            outcomes.cancelled(d, claim, false, "already reviewed", now);
            return DispatchOutcome.CANCELLED;
        }
        if (suppressions.isSuppressed(d.merchant().id(), composer.addressHashesOf(d))) {
            outcomes.cancelled(d, claim, true, "address suppressed", now);
            return DispatchOutcome.SUPPRESSED;
        }
        return send(d, batch);
    }

    private DispatchOutcome send(Dispatchable d, Batch batch) {
        String claim = batch.claim();
        OutgoingMail mail;
        try {
            ResolvedTemplate template = batch.templates().computeIfAbsent(d.merchant().id() + "|" + d.order().locale(),
                    key -> templates.resolve(d.merchant(), d.order().locale()));
            mail = composer.compose(d, template);
        } catch (RuntimeException e) {
            LOG.error("Delivery {} could not be composed ({})", d.delivery().id(), e.getClass().getName());
            return retryOrGiveUp(d, claim, new MailFailure(MailFailure.Kind.TRANSIENT, 0, "could not compose (" + e.getClass().getSimpleName() + ")"));
        }
        try {
            guard.send(batch.connection(), mail);
            outcomes.sent(d, claim, mail.messageId(), clock.instant());
            return DispatchOutcome.SENT;
        } catch (CallNotPermittedException | RequestNotPermitted paused) {
            return DispatchOutcome.PAUSED;
        } catch (MailFailure failure) {
            LOG.info("Delivery {} not accepted: {} ({})", d.delivery().id(), failure.getMessage(), failure.kind());
            if (failure.serverTrouble()) {
                // temporary, or a refusal of our sending (the relay's or the sender's to fix): the message waits
                return retryOrGiveUp(d, claim, failure);
            }
            outcomes.failed(d, claim, failure, clock.instant());
            return DispatchOutcome.FAILED;
        }
    }

    private DispatchOutcome retryOrGiveUp(Dispatchable d, String claim, MailFailure failure) {
        Instant now = clock.instant();
        if (Backoff.givenUp(d.delivery(), now, configuration)) {
            outcomes.failed(d, claim, new MailFailure(MailFailure.Kind.PERMANENT, failure.smtpCode(),
                    "gave up after " + configuration.giveUpAfter() + "; last: " + failure.getMessage()), now);
            return DispatchOutcome.FAILED;
        }
        Duration wait = Backoff.after(d.delivery().attempts() + 1, configuration, ThreadLocalRandom.current().nextDouble());
        outcomes.retry(d, claim, failure, now.plus(wait), now);
        return DispatchOutcome.RETRY;
    }

    /** Re-reads the delivery: it may have been cancelled between the claim and now. */
    private Optional<Dispatchable> load(Delivery claimed, Map<UUID, Merchant> merchantCache) {
        Optional<Delivery> current = deliveries.find(claimed.id())
                .filter(d -> d.open() && claimed.claimedBy() != null && claimed.claimedBy().equals(d.claimedBy()));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Order order = orders.byId(claimed.orderId()).orElseThrow();
        Optional<Merchant> live = Optional.ofNullable(merchantCache.computeIfAbsent(claimed.merchantId(), id -> merchants.find(id).orElse(null)));
        if (live.isEmpty()) {
            deliveries.cancelOpenFor(order.id(), clock.instant());
            return Optional.empty();
        }
        Merchant merchant = live.get();
        return Optional.of(new Dispatchable(current.get(), order, merchant, orders.recipientOf(order.id()).orElse(null)));
    }
}
