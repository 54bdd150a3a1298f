package org.reviewgateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * DKIM signing (MAIL_DKIM_DOMAIN, MAIL_DKIM_SELECTOR, MAIL_DKIM_KEY: the path of a PKCS#8 PEM RSA key). Off
 * unless all three are set; the key itself is read once at start-up by the mail feature.
 */
@Context
@ConfigurationProperties("mail.dkim")
public record DkimConfiguration(@Nullable String domain, @Nullable String selector, @Nullable String key) {

    private static final Pattern DOMAIN = Pattern.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");
    private static final Pattern SELECTOR = Pattern.compile("(?i)[a-z0-9]([a-z0-9._-]{0,62})");

    public DkimConfiguration {
        boolean anySet = set(domain) || set(selector) || set(key);
        if (anySet && !(set(domain) && set(selector) && set(key))) {
            throw new ConfigurationException("MAIL_DKIM_DOMAIN, MAIL_DKIM_SELECTOR and MAIL_DKIM_KEY go together: set all three or none");
        }
        if (set(domain) && !DOMAIN.matcher(domain.trim()).matches()) {
            throw new ConfigurationException("MAIL_DKIM_DOMAIN must be a domain name such as shop.example, got " + domain);
        }
        if (set(selector) && !SELECTOR.matcher(selector.trim()).matches()) {
            throw new ConfigurationException("MAIL_DKIM_SELECTOR must be a DNS label such as reviews2026, got " + selector);
        }
    }

    public boolean enabled() {
        return set(domain);
    }

    private static boolean set(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
