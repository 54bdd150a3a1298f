package org.reviewgateway.gateway.merchant;

import org.reviewgateway.gateway.privacy.SecretTokens;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A merchant API key {@code rig_<prefix>_<secret>}. The prefix finds the merchant; only a hash of
 * the whole key is stored.
 */
record ApiKey(String prefix, String plaintext) {

    private static final Pattern FORMAT = Pattern.compile("rig_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");

    static ApiKey generate(SecretTokens tokens) {
        String prefix = tokens.newHex(6);
        return new ApiKey(prefix, "rig_" + prefix + "_" + tokens.newToken(32));
    }

    static Optional<ApiKey> parse(String presented) {
        Matcher m = FORMAT.matcher(presented);
        return m.matches() ? Optional.of(new ApiKey(m.group(1), presented)) : Optional.empty();
    }

    byte[] hash() {
        return SecretTokens.hash(plaintext);
    }
}
