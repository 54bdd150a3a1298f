package org.reviewgateway.gateway.data;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLSTATE 23505 on H2 and PostgreSQL) behind any wrapper. */
public final class UniqueViolation {

    private static final String SQLSTATE = "23505";

    private UniqueViolation() {
    }

    public static boolean isCauseOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && SQLSTATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
