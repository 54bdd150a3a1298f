package org.reviewgateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The SMTP server (MAIL_SMTP_HOST, _PORT, _USERNAME, _PASSWORD, _STARTTLS). Jakarta Mail waits
 * forever by default; {@code timeout} bounds connecting, reading and writing alike.
 */
@Context
@ConfigurationProperties("mail.smtp")
public record SmtpConfiguration(
        @Bindable(defaultValue = "localhost") String host,
        @Bindable(defaultValue = "25") int port,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "false") boolean starttls,
        @Bindable(defaultValue = "PT20S") Duration timeout) {

    public SmtpConfiguration {
        if (port < 1 || port > 65535) {
            throw new ConfigurationException("MAIL_SMTP_PORT must be a TCP port, got " + port);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException("MAIL_SMTP_TIMEOUT must be positive, got " + timeout);
        }
    }

    public boolean authenticates() {
        return username != null && !username.isBlank();
    }
}
