package org.reviewgateway.gateway.mail;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a message was not accepted. The description is ours (SMTP code, enhanced status and stage),
 * never the server's reply text, which usually quotes the address; no cause is attached for the same reason.
 */
public class MailFailure extends Exception {

    public enum Kind {
        /** Try again later: 4xx replies, connection and I/O problems. */
        TRANSIENT,
        /** Will not work for this message: 5xx replies about neither the mailbox nor our sending. */
        PERMANENT,
        /**
         * Our side is refused (RFC 3463 5.7.x policy, 5.1.7/5.1.8 sender, anything at MAIL FROM): a relay or sender
         * problem, not the customer's; retried with the backoff like a temporary failure, and never a bounce.
         */
        POLICY,
        /** The mailbox does not exist or is disabled (5.1.x, 5.2.1; a bare 550/551/553 at RCPT): a hard bounce. */
        UNKNOWN_MAILBOX
    }

    private static final Pattern ENHANCED_STATUS = Pattern.compile("^\\s*\\d{3}[ -]([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    private final Kind kind;
    private final int smtpCode;
    private final boolean cutOff;

    public MailFailure(Kind kind, int smtpCode, String description) {
        this(kind, smtpCode, description, false);
    }

    private MailFailure(Kind kind, int smtpCode, String description, boolean cutOff) {
        super(description, null, false, false);
        this.kind = kind;
        this.smtpCode = smtpCode;
        this.cutOff = cutOff;
    }

    /** The send outlasted its bound and was cut off: temporary, but not to be tried again at once. */
    public static MailFailure tooSlow(String description) {
        return new MailFailure(Kind.TRANSIENT, 0, description, true);
    }

    /** A dropped connection, where one quick reconnect may get the message through. */
    public boolean reconnectMayHelp() {
        return kind == Kind.TRANSIENT && smtpCode == 0 && !cutOff;
    }

    public Kind kind() {
        return kind;
    }

    public int smtpCode() {
        return smtpCode;
    }

    /** A failure the mail server should be blamed for: counted by the circuit breaker. */
    public boolean serverTrouble() {
        return kind == Kind.TRANSIENT || kind == Kind.POLICY;
    }

    /**
     * Classifies an SMTP reply. {@code reply} is the server's text, read here for its enhanced status code
     * (RFC 3463) and then forgotten: only the codes go into the description.
     */
    public static MailFailure ofReply(int code, @Nullable String reply, Stage stage) {
        Matcher matched = reply == null ? null : ENHANCED_STATUS.matcher(reply);
        EnhancedStatus status = matched != null && matched.find()
                ? new EnhancedStatus(Integer.parseInt(matched.group(1)), Integer.parseInt(matched.group(2)), Integer.parseInt(matched.group(3)))
                : null;
        return new MailFailure(classify(code, status, stage), code, "SMTP " + code + (status == null ? "" : " " + status) + " at " + stage.command);
    }

    static Kind classify(int code, @Nullable EnhancedStatus enhanced, Stage stage) {
        if (code < 500) {
            return Kind.TRANSIENT;
        }
        if (stage == Stage.SENDER) {
            return Kind.POLICY;
        }
        if (enhanced == null) {
            return stage == Stage.RECIPIENT && (code == 550 || code == 551 || code == 553) ? Kind.UNKNOWN_MAILBOX : Kind.PERMANENT;
        }
        int subject = enhanced.subject();
        int detail = enhanced.detail();
        if (subject == 7 || (subject == 1 && (detail == 7 || detail == 8))) {
            return Kind.POLICY;
        }
        if (subject == 1 || (subject == 2 && detail == 1)) {
            return Kind.UNKNOWN_MAILBOX;
        }
        return Kind.PERMANENT;
    }

    /** An RFC 3463 status code, class.subject.detail (5.1.1). */
    record EnhancedStatus(int statusClass, int subject, int detail) {
        @Override
        public String toString() {
            return statusClass + "." + subject + "." + detail;
        }
    }

    /** Where in the SMTP conversation the reply came. */
    public enum Stage {
        SENDER("MAIL FROM"), RECIPIENT("RCPT"), DATA("DATA");

        private final String command;

        Stage(String command) {
            this.command = command;
        }
    }
}
