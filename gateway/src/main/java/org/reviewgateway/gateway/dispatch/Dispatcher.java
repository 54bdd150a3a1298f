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
import org.reviewgateway.gateway.order.OrderStatus;
import org.reviewgateway.gateway.outbox.ClaimLeases;
import org.reviewgateway.gateway.outbox.Delivery;
import org.reviewgateway.gateway.outbox.DeliveryClaims;
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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends what is due: claims a batch, reads it a run at a time (one read per table per run, see {@link Dispatchables}),
 * runs the guards for each delivery (still open, data still held, reminder still wanted, address not suppressed), sends
 * through the mail guard, and hands "sent" to the batch's {@link SentOutcomes.Pipeline}, which records it while the next
 * message goes out (at most DISPATCH_PIPELINE_DEPTH messages sent and unrecorded: all that a crash can send twice).
 * Other outcomes are recorded at once. The claim is renewed while the batch is worked; runs until nothing is due,
 * sending pauses, or the claim can no longer be renewed.
 */
@Singleton
public class Dispatcher {

    /** Deliveries read together just before they are sent: few enough that a cancellation is rarely late. */
    static final int RUN = 20;
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryClaims claims;
    private final ClaimLeases leases;
    private final Dispatchables dispatchables;
    private final DeliveryOutcomes outcomes;
    private final SentOutcomes sentOutcomes;
    private final InvitationComposer composer;
    private final TemplateResolver templates;
    private final MailSender sender;
    private final MailGuard guard;
    private final DispatchMetrics metrics;
    private final DispatchConfiguration configuration;
    private final Clock clock;
    private final String instance = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);

    Dispatcher(DeliveryClaims claims, ClaimLeases leases, Dispatchables dispatchables, DeliveryOutcomes outcomes,
               SentOutcomes sentOutcomes, InvitationComposer composer, TemplateResolver templates, MailSender sender, MailGuard guard,
               DispatchMetrics metrics, DispatchConfiguration configuration, Clock clock) {
        this.claims = claims;
        this.leases = leases;
        this.dispatchables = dispatchables;
        this.outcomes = outcomes;
        this.sentOutcomes = sentOutcomes;
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

    /** What one claimed batch shares: its claim, SMTP connection and pipeline, its merchants and templates (read once per batch). */
    private record Batch(String claim, MailSender.Connection connection, SentOutcomes.Pipeline pipeline, Map<UUID, Merchant> merchants,
                         Map<String, ResolvedTemplate> templates) {
    }

    /** @return whether the whole batch was worked through (and so more may be due) */
    private boolean dispatchBatch(List<Delivery> claimed, String claim, DispatchReport report) {
        ClaimLeases.ClaimRenewal renewal = leases.keep(claim);
        // the pipeline closes (every sent message recorded) before the claim is released: else the release would reopen them
        try (MailSender.Connection connection = sender.openConnection(); SentOutcomes.Pipeline pipeline = sentOutcomes.open(claim)) {
            Batch batch = new Batch(claim, connection, pipeline, new HashMap<>(), new HashMap<>());
            for (int from = 0; from < claimed.size(); from += RUN) {
                if (!renewal.holds()) {
                    return false;
                }
                Dispatchables.Run run = dispatchables.load(claimed.subList(from, Math.min(claimed.size(), from + RUN)), batch.merchants());
                for (int i = 0; i < run.dropped(); i++) {
                    report.add(DispatchOutcome.CANCELLED);
                    metrics.count(DispatchOutcome.CANCELLED);
                }
                for (Dispatchable d : run.ready()) {
                    if (!renewal.holds()) {
                        return false;
                    }
                    DispatchOutcome outcome = dispatchOne(d, run.suppressed().contains(d), batch);
                    report.add(outcome);
                    metrics.count(outcome);
                    if (outcome == DispatchOutcome.PAUSED) {
                        return false;
                    }
                }
            }
            return true;
        } finally {
            renewal.close();
            claims.release(claim);
        }
    }

    private DispatchOutcome dispatchOne(Dispatchable d, boolean suppressed, Batch batch) {
        String claim = batch.claim();
        Instant now = clock.instant();
        if (d.recipient() == null) {
            outcomes.cancelled(d, claim, false, "personal data no longer held", now);
            return DispatchOutcome.CANCELLED;
        }
        if (!d.invite() && d.order().status() == OrderStatus.REVIEWED) {
            outcomes.cancelled(d, claim, false, "already reviewed", now);
            return DispatchOutcome.CANCELLED;
        }
        if (suppressed) {
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
        batch.pipeline().awaitRoom();
        try {
            guard.send(batch.connection(), mail);
            batch.pipeline().sent(d, mail.messageId(), clock.instant());
            return DispatchOutcome.SENT;
        } catch (CallNotPermittedException | RequestNotPermitted paused) {
            batch.pipeline().notSent();
            return DispatchOutcome.PAUSED;
        } catch (MailFailure failure) {
            batch.pipeline().notSent();
            LOG.info("Delivery {} not accepted: {} ({})", d.delivery().id(), failure.getMessage(), failure.kind());
            if (failure.serverTrouble()) {
                // temporary, or a refusal of our sending (the relay's or the sender's to fix): the message waits
                return retryOrGiveUp(d, claim, failure);
            }
            outcomes.failed(d, claim, failure, clock.instant());
            return DispatchOutcome.FAILED;
        } catch (RuntimeException unexpected) {
            batch.pipeline().notSent();
            throw unexpected;
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
}
