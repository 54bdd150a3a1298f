package org.reviewgateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param transport       {@code smtp}, or {@code file}: each message as an .eml file under the data dir (MAIL_TRANSPORT)
 * @param from            envelope and From address (MAIL_FROM)
 * @param ratePerSecond   most messages sent per second (MAIL_RATE_PER_SECOND)
 * @param circuitOpenFor  how long sending pauses after the mail server keeps failing (MAIL_CIRCUIT_OPEN_FOR)
 */
@Context
@ConfigurationProperties("mail")
public record MailConfiguration(
        @Bindable(defaultValue = "file") String transport,
        @Bindable(defaultValue = "reviews@localhost") String from,
        @Bindable(defaultValue = "50") int ratePerSecond,
        @Bindable(defaultValue = "PT30S") Duration circuitOpenFor) {

    public static final String SMTP = "smtp";
    public static final String FILE = "file";

    public MailConfiguration {
        if (!SMTP.equals(transport) && !FILE.equals(transport)) {
            throw new ConfigurationException("MAIL_TRANSPORT must be smtp or file, got " + transport);
        }
        if (from == null || !from.matches("[^@\\s<>]+@[^@\\s<>]+")) {
            throw new ConfigurationException("MAIL_FROM must be an address such as reviews@shop.example");
        }
        if (ratePerSecond < 1) {
            throw new ConfigurationException("MAIL_RATE_PER_SECOND must be at least 1, got " + ratePerSecond);
        }
        if (circuitOpenFor.isNegative() || circuitOpenFor.isZero()) {
            throw new ConfigurationException("MAIL_CIRCUIT_OPEN_FOR must be positive, got " + circuitOpenFor);
        }
    }

    public boolean smtp() {
        return SMTP.equals(transport);
    }
}
