package org.reviewgateway.gateway.support;

import java.util.UUID;

/** Customer names unique to one test run, within the alphabet names allow (letters only, no digits). */
public final class Names {

    private Names() {
    }

    public static String unique(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            name.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return name.toString();
    }
}
