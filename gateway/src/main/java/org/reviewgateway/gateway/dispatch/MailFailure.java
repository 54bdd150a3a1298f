package org.reviewgateway.gateway.dispatch;

/**
 * Why a message was not accepted. The description is ours (SMTP code and stage), never the server's
 * reply text, which usually quotes the address; no cause is attached for the same reason.
 */
public class MailFailure extends Exception {

    public enum Kind {
        /** Try again later: 4xx replies, connection and I/O problems. */
        TRANSIENT,
        /** Will not work: 5xx replies other than an unknown mailbox. */
        PERMANENT,
        /** The server refused the mailbox (550, 551, 553 on RCPT): a hard bounce. */
        UNKNOWN_MAILBOX
    }

    private final Kind kind;
    private final int smtpCode;

    public MailFailure(Kind kind, int smtpCode, String description) {
        super(description, null, false, false);
        this.kind = kind;
        this.smtpCode = smtpCode;
    }

    public Kind kind() {
        return kind;
    }

    public int smtpCode() {
        return smtpCode;
    }

    /** By SMTP reply code: 4xx transient, 550/551/553 at RCPT a hard bounce, other 5xx permanent. */
    public static MailFailure ofReply(int code, boolean atRecipient, String stage) {
        Kind kind;
        if (code >= 500 && atRecipient && (code == 550 || code == 551 || code == 553)) {
            kind = Kind.UNKNOWN_MAILBOX;
        } else if (code >= 500) {
            kind = Kind.PERMANENT;
        } else {
            kind = Kind.TRANSIENT;
        }
        return new MailFailure(kind, code, "SMTP " + code + " at " + stage);
    }
}
