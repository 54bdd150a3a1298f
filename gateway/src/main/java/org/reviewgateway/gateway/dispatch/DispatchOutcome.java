package org.reviewgateway.gateway.dispatch;

/** What became of one claimed delivery. PAUSED: not attempted because sending is paused; it stays due. */
public enum DispatchOutcome {
    SENT, RETRY, FAILED, SUPPRESSED, CANCELLED, PAUSED
}
