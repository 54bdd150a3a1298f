package org.reviewgateway.gateway.mail;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import jakarta.inject.Singleton;
import org.reviewgateway.config.MailConfiguration;

import java.time.Duration;

/**
 * Resilience4j around the outbound call only: a rate limiter (MAIL_RATE_PER_SECOND), a circuit
 * breaker that opens when the mail server keeps failing (MAIL_CIRCUIT_OPEN_FOR), and a short retry
 * for a dropped connection within one send.
 */
@Singleton
public class MailGuard {

    private final CircuitBreaker breaker;
    private final Retry reconnect;
    private final RateLimiter rate;

    MailGuard(MailConfiguration mail) {
        this.breaker = CircuitBreaker.of("mail-server", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(mail.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(MailGuard::isServerTrouble)
                .build());
        this.reconnect = Retry.of("mail-reconnect", RetryConfig.custom()
                .maxAttempts(2)
                .waitDuration(Duration.ofMillis(200))
                .retryOnException(e -> e instanceof MailFailure f && f.reconnectMayHelp())
                .build());
        this.rate = RateLimiter.of("mail-rate", RateLimiterConfig.custom()
                .limitForPeriod(mail.ratePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(30))
                .build());
    }

    /** While open, the dispatcher claims nothing: deliveries wait in the outbox, untouched. */
    public boolean sendingPaused() {
        return breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
    }

    /** Closes the circuit at once, forgetting the recent failures (tests use it to start from a clean window). */
    public void reset() {
        breaker.reset();
    }

    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /**
     * Sends one message through the guards.
     *
     * @throws CallNotPermittedException when the circuit is open: the message was not attempted
     */
    public void send(MailSender.Connection connection, OutgoingMail mail) throws MailFailure {
        RateLimiter.waitForPermission(rate);
        try {
            breaker.executeCheckedSupplier(() -> reconnect.executeCheckedSupplier(() -> {
                connection.send(mail);
                return null;
            }));
        } catch (MailFailure | CallNotPermittedException e) {
            throw e;
        } catch (Throwable unexpected) {
            throw new MailFailure(MailFailure.Kind.TRANSIENT, 0, "unexpected failure (" + unexpected.getClass().getSimpleName() + ")");
        }
    }

    /** Temporary failures and refusals of our sending (a relay's policy) trip the breaker; a bad mailbox does not. */
    private static boolean isServerTrouble(Throwable e) {
        return e instanceof MailFailure f && f.serverTrouble();
    }
}
