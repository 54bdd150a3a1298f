package org.reviewgateway.gateway.web;

import java.util.regex.Pattern;

/**
 * What the gateway accepts as an e-mail address: the common dot-atom form with a domain that has
 * at least one dot (RFC 5321 limits), ASCII only. No quoted local parts, no IP literals.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        return address.length() <= MAX_LENGTH
                && address.indexOf('@') <= 64
                && ADDRESS.matcher(address).matches();
    }
}
