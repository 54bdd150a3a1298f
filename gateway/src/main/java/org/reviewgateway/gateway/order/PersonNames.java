package org.reviewgateway.gateway.order;

import java.util.regex.Pattern;

/**
 * What a customer's first name may hold: letters and combining marks (any script), spaces, apostrophes,
 * hyphens and periods. Nothing else reaches a greeting: no markup, URLs, digits, control, bidi or
 * zero-width characters (they can disguise a name as something else in a mail client).
 */
final class PersonNames {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '\u2019.-]*");

    private PersonNames() {
    }

    static boolean isValid(String trimmedName) {
        return ALLOWED.matcher(trimmedName).matches();
    }
}
